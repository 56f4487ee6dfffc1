-- Issue 16: password reset tokens (hashed, single-use, expiring), reward terms
-- and reward images (see the sqlite migration). MEDIUMTEXT: a 512 KiB image is
-- about 700 KB of base64, past TEXT's 64 KiB.
CREATE TABLE password_reset_tokens (
  id VARCHAR(64) PRIMARY KEY,
  user_id VARCHAR(64) NOT NULL,
  token_hash VARCHAR(128) NOT NULL UNIQUE,
  expires_at BIGINT NOT NULL,
  used_at BIGINT NULL,
  created_at BIGINT NOT NULL,
  INDEX password_reset_tokens_by_user (user_id),
  FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
ALTER TABLE rewards ADD COLUMN terms TEXT NOT NULL DEFAULT '';
CREATE TABLE reward_images (
  reward_id VARCHAR(64) PRIMARY KEY,
  content_type VARCHAR(32) NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  byte_count BIGINT NOT NULL CHECK (byte_count > 0),
  data_base64 MEDIUMTEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  FOREIGN KEY (reward_id) REFERENCES rewards(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
