#pragma once
// The online shop's checkouts (one per Stripe Checkout Session) and the Stripe
// webhook events handled so far, stored by Stripe's event id (migration 008).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"
#include "storage/sql/records.h"

namespace patron::sql {

using patron::CheckoutRecord;

struct StripeEventRecord {
  std::string id;  // evt_…
  std::string type;
  std::string object_id;
  std::string payment_intent;
  MinorUnits amount_minor = 0;           // a charge's amount
  MinorUnits amount_refunded_minor = 0;  // a charge's cumulative refunds
  std::string outcome;                   // applied | pending | ignored | unknown_session | failed
  std::int64_t created_at = 0;
  std::int64_t received_at = 0;
};

// A charge is refunded at most a few times; the bound keeps the read finite.
inline constexpr int max_pending_refund_events = 100;

class ShopStore {
 public:
  virtual ~ShopStore() = default;

  // Products on sale, newest first, whose name, brand or category contains
  // `query` (any case; empty: all); `before_id` is the previous page's cursor.
  virtual Page<ProductRecord> products_on_sale(const std::string& query, int limit, const std::string& before_id) = 0;

  virtual void insert_checkout(const CheckoutRecord& checkout) = 0;
  virtual std::optional<CheckoutRecord> checkout_by_session(const std::string& session_id) = 0;
  virtual std::optional<CheckoutRecord> checkout_by_id(const std::string& id) = 0;
  virtual std::optional<CheckoutRecord> checkout_by_payment_intent(const std::string& payment_intent) = 0;
  // Saves the fields a webhook changes.
  virtual void save_checkout(const CheckoutRecord& checkout) = 0;

  virtual bool event_seen(const std::string& id) = 0;
  virtual void insert_event(const StripeEventRecord& event) = 0;
  virtual void set_event_outcome(const std::string& id, const std::string& outcome) = 0;
  virtual std::vector<StripeEventRecord> pending_refunds(const std::string& payment_intent) = 0;
};

}  // namespace patron::sql
