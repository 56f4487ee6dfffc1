-- Issue 16: password reset tokens (hashed, single-use, expiring), reward terms
-- and reward images (see the sqlite migration).
CREATE TABLE password_reset_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX password_reset_tokens_by_user ON password_reset_tokens (user_id);
ALTER TABLE rewards ADD COLUMN terms TEXT NOT NULL DEFAULT '';
CREATE TABLE reward_images (
  reward_id TEXT PRIMARY KEY REFERENCES rewards(id),
  content_type TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  byte_count BIGINT NOT NULL CHECK (byte_count > 0),
  data_base64 TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
