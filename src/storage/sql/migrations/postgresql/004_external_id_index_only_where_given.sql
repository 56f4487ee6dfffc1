-- A purchase's external id is unique per store, but most purchases carry none;
-- a partial unique index keeps the rule for the ids that exist without an
-- index entry for every purchase that has none (see the sqlite migration).
ALTER TABLE transactions DROP CONSTRAINT transactions_store_id_external_id_key;
CREATE UNIQUE INDEX transactions_by_external_id ON transactions (store_id, external_id)
  WHERE external_id IS NOT NULL;
