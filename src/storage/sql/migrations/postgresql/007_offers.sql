-- Personalized offers (issue 13); see the sqlite migration.
CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  goal TEXT NOT NULL,
  status TEXT NOT NULL,
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
);
CREATE TABLE campaign_members (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  customer_id TEXT NOT NULL REFERENCES users(id),
  arm TEXT NOT NULL CHECK (arm IN ('treatment', 'control')),
  assigned_at BIGINT NOT NULL,
  PRIMARY KEY (campaign_id, customer_id)
);
CREATE TABLE offers (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  customer_id TEXT NOT NULL REFERENCES users(id),
  category TEXT NOT NULL DEFAULT '',
  reasons TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  max_bonus_points BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('issued', 'activated', 'redeemed')),
  activated_at BIGINT,
  redeemed_at BIGINT,
  transaction_id TEXT,
  bonus_points BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  UNIQUE (campaign_id, customer_id, category)
);
CREATE INDEX offers_by_customer ON offers (customer_id, status);
