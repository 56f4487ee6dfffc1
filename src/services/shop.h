#pragma once
// The online shop's use cases: the catalog as customers see it, a basket
// priced from the catalog (never from the client) in the program's base
// currency, and the checkout recorded once Stripe has made its session. What
// happens when Stripe reports the payment is in shop_webhooks.h.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/result.h"
#include "services/loyalty.h"
#include "domain/records.h"
#include "services/session.h"

namespace patron::services {

inline constexpr std::size_t max_shop_lines = 50;
inline constexpr std::int64_t max_shop_quantity = 99;
inline constexpr int max_shop_products = 200;  // per page
inline constexpr std::size_t max_shop_query_length = 100;
// Stripe's most for one Checkout payment in a two-decimal currency (999,999.99).
inline constexpr MinorUnits max_checkout_total_minor = 99'999'999;
// Online purchases are recorded at the store with this code (migration 008 adds it).
inline constexpr const char* online_store_code = "ONLINE-SHOP";

struct ShopProduct {
  std::string sku, name, category, brand;
  MinorUnits price_minor = 0;  // in the base currency
};

struct ShopLineInput {
  std::string sku;
  std::int64_t quantity = 0;
};

struct ShopLine {
  std::string sku, name;
  std::int64_t quantity = 0;
  MinorUnits unit_price_minor = 0;
};

struct PricedCart {
  std::string customer_id, customer_email, currency;
  std::vector<ShopLine> lines;
  MinorUnits total_minor = 0;
};

struct CheckoutStatus {
  std::string status;  // open | paid | failed
  MinorUnits total_minor = 0;
  std::string currency;
  Points points_earned = 0;
  MinorUnits refunded_minor = 0;
};

std::string lines_to_json(const std::vector<ShopLine>& lines);
std::vector<ShopLine> lines_from_json(const std::string& text);

class Shop {
 public:
  Shop(Session session, ProgramSettings settings) : session_(session), settings_(std::move(settings)) {}

  // Products on sale, newest first, matching `query` in their name, brand or
  // category, priced in the base currency (a product in a currency without a
  // rate is not sold online); `limit` at most max_shop_products a page.
  Page<ShopProduct> products(const std::string& query, int limit, const std::string& cursor);
  Result<PricedCart> price_cart(const std::string& customer_id, const std::vector<ShopLineInput>& lines);
  // Stores the checkout once Stripe made session `session_id` for it; the same
  // session again is answered with the stored checkout.
  Result<CheckoutRecord> record_checkout(const PricedCart& cart, const std::string& checkout_id,
                                              const std::string& session_id, std::int64_t now);
  // A customer's own checkout only (another's is not_found).
  Result<CheckoutStatus> checkout_status(const std::string& customer_id, const std::string& session_id);

 private:
  Result<MinorUnits> base_price(const std::string& currency, MinorUnits price, const std::string& field);
  Session session_;
  ProgramSettings settings_;
};

}  // namespace patron::services
