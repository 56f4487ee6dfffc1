-- Online shop through Stripe Checkout (issue 17); see the sqlite migration.
CREATE TABLE stripe_checkouts (
  id VARCHAR(64) PRIMARY KEY,
  session_id VARCHAR(255) NOT NULL UNIQUE,
  customer_id VARCHAR(64) NOT NULL REFERENCES users(id),
  currency VARCHAR(3) NOT NULL,
  amount_total_minor BIGINT NOT NULL CHECK (amount_total_minor > 0),
  lines_json TEXT NOT NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'failed')),
  payment_intent VARCHAR(255) NULL,
  transaction_id VARCHAR(64) NULL,
  points_earned BIGINT NOT NULL DEFAULT 0,
  refunded_minor BIGINT NOT NULL DEFAULT 0,
  failure VARCHAR(255) NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX stripe_checkouts_by_payment_intent ON stripe_checkouts (payment_intent);
CREATE TABLE stripe_events (
  id VARCHAR(255) PRIMARY KEY,
  type VARCHAR(100) NOT NULL,
  object_id VARCHAR(255) NOT NULL,
  payment_intent VARCHAR(255) NOT NULL DEFAULT '',
  amount_minor BIGINT NOT NULL DEFAULT 0,
  amount_refunded_minor BIGINT NOT NULL DEFAULT 0,
  outcome VARCHAR(32) NOT NULL,
  created_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX stripe_events_pending ON stripe_events (payment_intent, outcome);
INSERT IGNORE INTO stores (id, code, name, archived, created_at)
  VALUES ('sto_online_shop', 'ONLINE-SHOP', 'Online shop', 0, UNIX_TIMESTAMP());
