-- Online shop through Stripe Checkout (issue 17); see the sqlite migration.
CREATE TABLE stripe_checkouts (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL UNIQUE,
  customer_id TEXT NOT NULL REFERENCES users(id),
  currency TEXT NOT NULL,
  amount_total_minor BIGINT NOT NULL CHECK (amount_total_minor > 0),
  lines_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'failed')),
  payment_intent TEXT,
  transaction_id TEXT,
  points_earned BIGINT NOT NULL DEFAULT 0,
  refunded_minor BIGINT NOT NULL DEFAULT 0,
  failure TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX stripe_checkouts_by_payment_intent ON stripe_checkouts (payment_intent);
CREATE TABLE stripe_events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  payment_intent TEXT NOT NULL DEFAULT '',
  amount_minor BIGINT NOT NULL DEFAULT 0,
  amount_refunded_minor BIGINT NOT NULL DEFAULT 0,
  outcome TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX stripe_events_pending ON stripe_events (payment_intent, outcome);
INSERT INTO stores (id, code, name, archived, created_at)
  VALUES ('sto_online_shop', 'ONLINE-SHOP', 'Online shop', 0, CAST(EXTRACT(EPOCH FROM now()) AS BIGINT))
  ON CONFLICT DO NOTHING;
