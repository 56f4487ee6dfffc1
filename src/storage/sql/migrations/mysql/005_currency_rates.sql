-- Purchases in a currency other than the program's base are converted at a
-- rate staff maintain (see the sqlite migration).
CREATE TABLE currency_rates (
  currency VARCHAR(3) PRIMARY KEY,
  rate_nano BIGINT NOT NULL CHECK (rate_nano > 0),
  updated_at BIGINT NOT NULL,
  updated_by VARCHAR(64) NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
ALTER TABLE transactions ADD COLUMN original_currency VARCHAR(3) NULL, ADD COLUMN original_total_minor BIGINT NULL,
  ADD COLUMN fx_rate_nano BIGINT NULL;
