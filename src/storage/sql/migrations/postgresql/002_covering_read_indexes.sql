-- sqlite/002_covering_read_indexes.sql for PostgreSQL, unchanged.
-- The account view (GET /me) and every redemption read a customer's open lots
-- and their qualifying spend; covering indexes answer both from the index
-- alone instead of one table lookup per lot or transaction (measured with
-- bench/load/run.sh: the table lookups were the largest cost of GET /me).
DROP INDEX point_lots_by_customer;
CREATE INDEX point_lots_by_customer ON point_lots (customer_id, expires_at, earned_at, remaining, id);
DROP INDEX transactions_by_customer;
CREATE INDEX transactions_by_customer ON transactions (customer_id, occurred_at, total_minor, returned_minor);
