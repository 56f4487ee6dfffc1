-- sqlite/002_covering_read_indexes.sql for MySQL/MariaDB: the same covering
-- indexes under the same names. Each index also serves its table's foreign key
-- on customer_id, so it is swapped in one ALTER (a lone DROP INDEX would be
-- refused as "needed in a foreign key constraint").
ALTER TABLE point_lots DROP INDEX point_lots_by_customer,
  ADD INDEX point_lots_by_customer (customer_id, expires_at, earned_at, remaining, id);
ALTER TABLE transactions DROP INDEX transactions_by_customer,
  ADD INDEX transactions_by_customer (customer_id, occurred_at, total_minor, returned_minor);
