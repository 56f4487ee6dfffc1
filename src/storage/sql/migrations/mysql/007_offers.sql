-- Personalized offers (issue 13); see the sqlite migration.
CREATE TABLE campaigns (
  id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  goal VARCHAR(32) NOT NULL,
  status VARCHAR(32) NOT NULL,
  audience TEXT NOT NULL,
  offer TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  budget_points BIGINT,
  budget_minor BIGINT,
  per_customer_cap BIGINT NOT NULL,
  control_share_permille BIGINT NOT NULL,
  offers_created BIGINT NOT NULL DEFAULT 0,
  control_group_size BIGINT NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE campaign_members (
  campaign_id VARCHAR(64) NOT NULL REFERENCES campaigns(id),
  customer_id VARCHAR(64) NOT NULL REFERENCES users(id),
  arm VARCHAR(16) NOT NULL CHECK (arm IN ('treatment', 'control')),
  assigned_at BIGINT NOT NULL,
  PRIMARY KEY (campaign_id, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE offers (
  id VARCHAR(64) PRIMARY KEY,
  campaign_id VARCHAR(64) NOT NULL REFERENCES campaigns(id),
  customer_id VARCHAR(64) NOT NULL REFERENCES users(id),
  category VARCHAR(191) NOT NULL DEFAULT '',
  reasons TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  max_bonus_points BIGINT NOT NULL,
  status VARCHAR(32) NOT NULL CHECK (status IN ('issued', 'activated', 'redeemed')),
  activated_at BIGINT,
  redeemed_at BIGINT,
  transaction_id VARCHAR(64),
  bonus_points BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  UNIQUE (campaign_id, customer_id, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX offers_by_customer ON offers (customer_id, status);
