-- A purchase's external id (a till's receipt number) is unique per store, but
-- most purchases carry none, and the UNIQUE constraint still gave each of those
-- an index entry (store, NULL): one B-tree insert per purchase for nothing.
-- A partial unique index keeps the rule for the ids that exist. Measured with
-- bench/load/run.sh, four alternating runs each: 20,590-21,578 durable
-- purchases/s against 17,710-21,199. SQLite cannot drop a table constraint, so
-- the table is rebuilt (its documented procedure: new table, copy, drop,
-- rename; the migration runner turns foreign keys off around it and checks
-- them all before committing), with its other index.
CREATE TABLE transactions_rebuilt (
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
  created_at BIGINT NOT NULL
);
INSERT INTO transactions_rebuilt (id, customer_id, store_id, external_id, occurred_at, currency, total_minor,
  returned_minor, points_earned, points_reversed, earn_entry_id, status, channel, created_at)
  SELECT id, customer_id, store_id, external_id, occurred_at, currency, total_minor, returned_minor, points_earned,
    points_reversed, earn_entry_id, status, channel, created_at FROM transactions ORDER BY rowid;
DROP TABLE transactions;
ALTER TABLE transactions_rebuilt RENAME TO transactions;
CREATE INDEX transactions_by_customer ON transactions (customer_id, occurred_at, total_minor, returned_minor);
CREATE UNIQUE INDEX transactions_by_external_id ON transactions (store_id, external_id)
  WHERE external_id IS NOT NULL;
