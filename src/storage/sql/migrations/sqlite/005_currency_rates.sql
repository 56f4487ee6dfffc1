-- Purchases in a currency other than the program's base are converted at a
-- rate staff maintain (issue 12): the transaction's amounts are in the base
-- currency, and it keeps what the till sent and the rate used. A rate is
-- base-currency major units per major unit of `currency`, in billionths.
CREATE TABLE currency_rates (
  currency TEXT PRIMARY KEY,
  rate_nano BIGINT NOT NULL CHECK (rate_nano > 0),
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
ALTER TABLE transactions ADD COLUMN original_currency TEXT;
ALTER TABLE transactions ADD COLUMN original_total_minor BIGINT;
ALTER TABLE transactions ADD COLUMN fx_rate_nano BIGINT;
