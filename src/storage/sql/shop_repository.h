#pragma once
// The SOCI adapter of the ShopStore port (storage/sql/shop_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/sql/shop_store.h"

namespace patron::sql {

class ShopRepository final : public ShopStore {
 public:
  explicit ShopRepository(soci::session& session) : session_(session) {}

  // Products on sale, newest first, whose name, brand or category contains
  // `query` (any case; empty: all); `before_id` is the previous page's cursor.
  Page<ProductRecord> products_on_sale(const std::string& query, int limit, const std::string& before_id) override;

  void insert_checkout(const CheckoutRecord& checkout) override;
  std::optional<CheckoutRecord> checkout_by_session(const std::string& session_id) override;
  std::optional<CheckoutRecord> checkout_by_id(const std::string& id) override;
  std::optional<CheckoutRecord> checkout_by_payment_intent(const std::string& payment_intent) override;
  // Saves the fields a webhook changes.
  void save_checkout(const CheckoutRecord& checkout) override;

  bool event_seen(const std::string& id) override;
  void insert_event(const StripeEventRecord& event) override;
  void set_event_outcome(const std::string& id, const std::string& outcome) override;
  std::vector<StripeEventRecord> pending_refunds(const std::string& payment_intent) override;

 private:
  std::optional<CheckoutRecord> checkout_where(const std::string& column, const std::string& value);
  soci::session& session_;
};

}  // namespace patron::sql
