-- Issue 16: a voucher expires. A reward says how many days its vouchers stay
-- valid (1..3650, 90 by default); a redemption stores when its voucher expires
-- (created_at + the reward's validity, epoch seconds). Vouchers issued before
-- this migration keep a NULL expires_at: they were promised "valid until used"
-- and stay so.
ALTER TABLE rewards ADD COLUMN voucher_valid_days BIGINT NOT NULL DEFAULT 90
  CHECK (voucher_valid_days BETWEEN 1 AND 3650);
ALTER TABLE redemptions ADD COLUMN expires_at BIGINT;
