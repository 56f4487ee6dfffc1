-- Core loyalty schema for MySQL/MariaDB, the same tables, keys and checks as
-- sqlite/001_core.sql. Times are epoch seconds (UTC), money minor units,
-- points integers. Ledger rows are never updated or deleted.
-- Keyed text is VARCHAR (InnoDB cannot index TEXT); utf8mb4_bin compares
-- bytes as SQLite does, so 'A' and 'a' are different emails, codes and ids.
-- Catalog codes and SKUs accept 2000 characters like the API; MariaDB keeps
-- such long unique keys as a hash.
CREATE TABLE users (
  id VARCHAR(64) PRIMARY KEY,
  email VARCHAR(254) NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  role VARCHAR(16) NOT NULL CHECK (role IN ('customer', 'staff', 'admin')),
  card_number VARCHAR(64) UNIQUE,
  marketing_opt_in INTEGER NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL DEFAULT 'active',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE accounts (
  customer_id VARCHAR(64) PRIMARY KEY,
  points_balance BIGINT NOT NULL DEFAULT 0,
  tier_code TEXT NOT NULL DEFAULT '',
  tier_anniversary_at BIGINT NOT NULL,
  entry_count BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  FOREIGN KEY (customer_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ledger_entries (
  id VARCHAR(64) PRIMARY KEY,
  customer_id VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  occurred_at BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL CHECK (kind IN ('earn', 'redeem', 'expire', 'reverse', 'adjust', 'bonus')),
  points BIGINT NOT NULL,
  balance_after BIGINT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  UNIQUE (customer_id, seq),
  FOREIGN KEY (customer_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE point_lots (
  id VARCHAR(64) PRIMARY KEY,
  customer_id VARCHAR(64) NOT NULL,
  points BIGINT NOT NULL,
  remaining BIGINT NOT NULL CHECK (remaining >= 0),
  earned_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  FOREIGN KEY (id) REFERENCES ledger_entries(id),
  FOREIGN KEY (customer_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX point_lots_by_customer ON point_lots (customer_id, expires_at);
CREATE INDEX point_lots_by_expiry ON point_lots (expires_at, remaining);

CREATE TABLE stores (
  id VARCHAR(64) PRIMARY KEY,
  code VARCHAR(2000) NOT NULL UNIQUE,
  name TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE products (
  id VARCHAR(64) PRIMARY KEY,
  sku VARCHAR(2000) NOT NULL UNIQUE,
  name TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  brand TEXT NOT NULL DEFAULT '',
  price_minor BIGINT NOT NULL,
  currency TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tiers (
  id VARCHAR(64) PRIMARY KEY,
  code VARCHAR(2000) NOT NULL UNIQUE,
  name TEXT NOT NULL,
  threshold_minor BIGINT NOT NULL,
  multiplier_permille BIGINT NOT NULL DEFAULT 1000,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE earning_rules (
  id VARCHAR(64) PRIMARY KEY,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE rewards (
  id VARCHAR(64) PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  points_cost BIGINT NOT NULL CHECK (points_cost > 0),
  stock BIGINT,
  per_customer_limit BIGINT,
  active_from BIGINT,
  active_to BIGINT,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE transactions (
  id VARCHAR(64) PRIMARY KEY,
  customer_id VARCHAR(64) NOT NULL,
  store_id VARCHAR(64) NOT NULL,
  external_id VARCHAR(128),
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
  UNIQUE (store_id, external_id),
  FOREIGN KEY (customer_id) REFERENCES users(id),
  FOREIGN KEY (store_id) REFERENCES stores(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX transactions_by_customer ON transactions (customer_id, occurred_at);

CREATE TABLE transaction_lines (
  transaction_id VARCHAR(64) NOT NULL,
  line_no BIGINT NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  quantity BIGINT NOT NULL,
  unit_price_minor BIGINT NOT NULL,
  returned_quantity BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (transaction_id, line_no),
  FOREIGN KEY (transaction_id) REFERENCES transactions(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE returns (
  id VARCHAR(64) PRIMARY KEY,
  transaction_id VARCHAR(64) NOT NULL,
  amount_minor BIGINT NOT NULL,
  points_reversed BIGINT NOT NULL,
  ledger_entry_id TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  FOREIGN KEY (transaction_id) REFERENCES transactions(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE redemptions (
  id VARCHAR(64) PRIMARY KEY,
  customer_id VARCHAR(64) NOT NULL,
  reward_id VARCHAR(64) NOT NULL,
  points BIGINT NOT NULL,
  code VARCHAR(64) NOT NULL UNIQUE,
  ledger_entry_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  FOREIGN KEY (customer_id) REFERENCES users(id),
  FOREIGN KEY (reward_id) REFERENCES rewards(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX redemptions_by_customer ON redemptions (customer_id, created_at);

CREATE TABLE refresh_tokens (
  id VARCHAR(64) PRIMARY KEY,
  user_id VARCHAR(64) NOT NULL,
  family_id VARCHAR(64) NOT NULL,
  token_hash VARCHAR(128) NOT NULL UNIQUE,
  expires_at BIGINT NOT NULL,
  spent INTEGER NOT NULL DEFAULT 0,
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id);

CREATE TABLE api_keys (
  id VARCHAR(64) PRIMARY KEY,
  store_id VARCHAR(64) NOT NULL,
  key_hash VARCHAR(128) NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  FOREIGN KEY (store_id) REFERENCES stores(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE idempotency_keys (
  scope VARCHAR(500) NOT NULL,
  idem_key VARCHAR(255) NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_body MEDIUMTEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (scope, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
