-- Core loyalty schema for PostgreSQL: sqlite/001_core.sql's tables, keys and
-- checks, unchanged (the same SQL is valid in both).
-- Times are epoch seconds (UTC), money minor units, points integers. Ledger
-- rows are never updated or deleted. Text compares and sorts by the database
-- collation: create the database with LC_COLLATE 'C' to order ids as SQLite does.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('customer', 'staff', 'admin')),
  card_number TEXT UNIQUE,
  marketing_opt_in INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE accounts (
  customer_id TEXT PRIMARY KEY REFERENCES users(id),
  points_balance BIGINT NOT NULL DEFAULT 0,
  tier_code TEXT NOT NULL DEFAULT '',
  tier_anniversary_at BIGINT NOT NULL,
  entry_count BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);

CREATE TABLE ledger_entries (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES users(id),
  seq BIGINT NOT NULL,
  occurred_at BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'expire', 'reverse', 'adjust', 'bonus')),
  points BIGINT NOT NULL,
  balance_after BIGINT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  UNIQUE (customer_id, seq)
);

CREATE TABLE point_lots (
  id TEXT PRIMARY KEY REFERENCES ledger_entries(id),
  customer_id TEXT NOT NULL REFERENCES users(id),
  points BIGINT NOT NULL,
  remaining BIGINT NOT NULL CHECK (remaining >= 0),
  earned_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX point_lots_by_customer ON point_lots (customer_id, expires_at);
CREATE INDEX point_lots_by_expiry ON point_lots (expires_at, remaining);

CREATE TABLE stores (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  brand TEXT NOT NULL DEFAULT '',
  price_minor BIGINT NOT NULL,
  currency TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE tiers (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  threshold_minor BIGINT NOT NULL,
  multiplier_permille BIGINT NOT NULL DEFAULT 1000,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE earning_rules (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  rate_milli BIGINT NOT NULL DEFAULT 0,
  multiplier_permille BIGINT NOT NULL DEFAULT 1000,
  bonus_points BIGINT NOT NULL DEFAULT 0,
  target TEXT NOT NULL DEFAULT '',
  threshold_minor BIGINT NOT NULL DEFAULT 0,
  starts_at BIGINT,
  ends_at BIGINT,
  store_ids TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE rewards (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  points_cost BIGINT NOT NULL CHECK (points_cost > 0),
  stock BIGINT,
  per_customer_limit BIGINT,
  active_from BIGINT,
  active_to BIGINT,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE transactions (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES users(id),
  store_id TEXT NOT NULL REFERENCES stores(id),
  external_id TEXT,
  occurred_at BIGINT NOT NULL,
  currency TEXT NOT NULL,
  total_minor BIGINT NOT NULL,
  returned_minor BIGINT NOT NULL DEFAULT 0,
  points_earned BIGINT NOT NULL,
  points_reversed BIGINT NOT NULL DEFAULT 0,
  earn_entry_id TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'completed',
  channel TEXT NOT NULL DEFAULT 'pos',
  created_at BIGINT NOT NULL,
  UNIQUE (store_id, external_id)
);
CREATE INDEX transactions_by_customer ON transactions (customer_id, occurred_at);

CREATE TABLE transaction_lines (
  transaction_id TEXT NOT NULL REFERENCES transactions(id),
  line_no BIGINT NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  quantity BIGINT NOT NULL,
  unit_price_minor BIGINT NOT NULL,
  returned_quantity BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (transaction_id, line_no)
);

CREATE TABLE returns (
  id TEXT PRIMARY KEY,
  transaction_id TEXT NOT NULL REFERENCES transactions(id),
  amount_minor BIGINT NOT NULL,
  points_reversed BIGINT NOT NULL,
  ledger_entry_id TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);

CREATE TABLE redemptions (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES users(id),
  reward_id TEXT NOT NULL REFERENCES rewards(id),
  points BIGINT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  ledger_entry_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX redemptions_by_customer ON redemptions (customer_id, created_at);

CREATE TABLE refresh_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  family_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  expires_at BIGINT NOT NULL,
  spent INTEGER NOT NULL DEFAULT 0,
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL REFERENCES stores(id),
  key_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (scope, idem_key)
);
