-- Issue 16. "Forgot password?": a reset link's token is stored only as its
-- hash, used once (used_at), and expires (30 minutes by default).
CREATE TABLE password_reset_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX password_reset_tokens_by_user ON password_reset_tokens (user_id);
-- Rewards gain terms (the fine print shown on the card and voucher) and one
-- image each: PNG, JPEG or WebP up to 512 KiB, kept as base64 text (every
-- dialect stores and binds text alike) with its SHA-256, which names its URL.
ALTER TABLE rewards ADD COLUMN terms TEXT NOT NULL DEFAULT '';
CREATE TABLE reward_images (
  reward_id TEXT PRIMARY KEY REFERENCES rewards(id),
  content_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  byte_count BIGINT NOT NULL CHECK (byte_count > 0),
  data_base64 TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
