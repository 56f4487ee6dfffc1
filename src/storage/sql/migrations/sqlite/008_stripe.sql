-- Issue 17. The online shop pays through Stripe Checkout. A checkout is the
-- basket priced from the catalog and the Stripe Checkout Session made for it;
-- a webhook event is stored by its Stripe id once handled, so a replay or an
-- out-of-order delivery changes nothing twice. A refund that arrives before its
-- session's completion waits as 'pending' and is applied when the completion
-- lands (its charge is matched to the session through its payment_intent).
CREATE TABLE stripe_checkouts (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL UNIQUE,
  customer_id TEXT NOT NULL REFERENCES users(id),
  currency TEXT NOT NULL,
  amount_total_minor BIGINT NOT NULL CHECK (amount_total_minor > 0),
  lines_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'failed')),
  payment_intent TEXT,
  transaction_id TEXT,
  points_earned BIGINT NOT NULL DEFAULT 0,
  refunded_minor BIGINT NOT NULL DEFAULT 0,
  failure TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX stripe_checkouts_by_payment_intent ON stripe_checkouts (payment_intent);
CREATE TABLE stripe_events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  payment_intent TEXT NOT NULL DEFAULT '',
  amount_minor BIGINT NOT NULL DEFAULT 0,
  amount_refunded_minor BIGINT NOT NULL DEFAULT 0,
  outcome TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX stripe_events_pending ON stripe_events (payment_intent, outcome);
-- Online purchases are recorded at this store (found by its code).
INSERT OR IGNORE INTO stores (id, code, name, archived, created_at)
  VALUES ('sto_online_shop', 'ONLINE-SHOP', 'Online shop', 0, CAST(strftime('%s', 'now') AS INTEGER));
