-- Idempotency keys are kept for a retention (http::Api::idempotency_retention,
-- 24 h): older ones are treated as absent and purged in slices, oldest first,
-- by the server every 10 minutes and by `patron expire`. This index finds the
-- expired rows without scanning the table; new keys append at its end.
CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
