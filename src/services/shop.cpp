#include "services/shop.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "domain/limits.h"
#include "services/program_cache.h"

namespace patron::services {

std::string lines_to_json(const std::vector<ShopLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : lines) {
    out.push_back({{"sku", line.sku}, {"name", line.name}, {"quantity", line.quantity},
                   {"unit_price_minor", line.unit_price_minor}});
  }
  return out.dump();
}

std::vector<ShopLine> lines_from_json(const std::string& text) {
  std::vector<ShopLine> lines;
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) return lines;
  for (const auto& item : json) {
    if (!item.is_object() || lines.size() >= max_shop_lines) break;
    lines.push_back({item.value("sku", ""), item.value("name", ""), item.value("quantity", std::int64_t{0}),
                     item.value("unit_price_minor", MinorUnits{0})});
  }
  return lines;
}

Result<MinorUnits> Shop::base_price(const std::string& currency, MinorUnits price, const std::string& field) {
  if (currency == settings_.base_currency) return price;
  std::optional<RateNano> rate;
  if (settings_.cache) {
    rate = settings_.cache->currency_rate(session_, currency);
  } else if (auto stored = session_.stores().currency_rates().find(currency)) {
    rate = stored->rate_nano;
  }
  if (!rate) return Error{ErrorCode::unsupported_currency, "this product is not sold online", field};
  auto converted = convert_minor(price, currency, *rate, settings_.base_currency);
  if (!converted.ok()) return Error{ErrorCode::limit_exceeded, converted.error().message, field};
  return converted;
}

Page<ShopProduct> Shop::products(const std::string& query, int limit, const std::string& cursor) {
  auto page = session_.stores().shop().products_on_sale(query, std::clamp(limit, 1, max_shop_products), cursor);
  Page<ShopProduct> products;
  products.next_cursor = page.next_cursor;
  for (const auto& p : page.items) {
    auto price = base_price(p.currency, p.price_minor, "sku");
    if (!price.ok() || *price <= 0) continue;
    products.items.push_back({p.sku, p.name, p.category, p.brand, *price});
  }
  return products;
}

Result<PricedCart> Shop::price_cart(const std::string& customer_id, const std::vector<ShopLineInput>& lines) {
  auto user = session_.stores().users().find_by_id(customer_id);
  if (!user || user->role != "customer" || user->status != "active") {
    return Error{ErrorCode::not_found, "customer not found", {}};
  }
  if (lines.empty()) return Error::validation("lines", "must have at least one line");
  if (lines.size() > max_shop_lines) {
    return Error::validation("lines", "at most " + std::to_string(max_shop_lines) + " lines");
  }
  PricedCart cart{customer_id, user->email, settings_.base_currency, {}, 0};
  std::set<std::string> seen;
  std::vector<PricedLine> priced;
  auto& catalog = session_.stores().catalog();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto field = "lines[" + std::to_string(i) + "]";
    const auto& input = lines[i];
    if (!seen.insert(input.sku).second) return Error::validation(field + ".sku", "appears twice in the basket");
    if (input.quantity < 1 || input.quantity > max_shop_quantity) {
      return Error::validation(field + ".quantity", "must be from 1 to " + std::to_string(max_shop_quantity));
    }
    auto product = settings_.cache ? settings_.cache->product(session_, input.sku) : catalog.product_by_sku(input.sku);
    if (!product) return Error::validation(field + ".sku", "unknown product " + input.sku);
    auto price = base_price(product->currency, product->price_minor, field + ".sku");
    if (!price.ok()) return price.error();
    auto line_total = bounded_line_total(input.quantity, *price, settings_.limits, field);
    if (!line_total.ok()) return line_total.error();
    priced.push_back({input.sku, product->category, input.quantity, *price});
    cart.lines.push_back({input.sku, product->name, input.quantity, *price});
  }
  auto total = bounded_purchase_total(priced, settings_.limits);
  if (!total.ok()) return total.error();
  if (*total <= 0) return Error::validation("lines", "the basket has nothing to pay");
  if (*total > max_checkout_total_minor) {
    return Error{ErrorCode::limit_exceeded, "an online payment may be at most 999,999.99", "lines"};
  }
  cart.total_minor = *total;
  return cart;
}

Result<CheckoutRecord> Shop::record_checkout(const PricedCart& cart, const std::string& checkout_id,
                                                  const std::string& session_id, std::int64_t now) {
  auto& repository = session_.stores().shop();
  if (auto stored = repository.checkout_by_session(session_id)) return *stored;
  CheckoutRecord checkout;
  checkout.id = checkout_id;
  checkout.session_id = session_id;
  checkout.customer_id = cart.customer_id;
  checkout.currency = cart.currency;
  checkout.amount_total_minor = cart.total_minor;
  checkout.lines_json = lines_to_json(cart.lines);
  checkout.created_at = now;
  checkout.updated_at = now;
  repository.insert_checkout(checkout);
  return checkout;
}

Result<CheckoutStatus> Shop::checkout_status(const std::string& customer_id, const std::string& session_id) {
  auto checkout = session_.stores().shop().checkout_by_session(session_id);
  if (!checkout || checkout->customer_id != customer_id) {
    return Error{ErrorCode::not_found, "checkout not found", "session_id"};
  }
  return CheckoutStatus{checkout->status, checkout->amount_total_minor, checkout->currency, checkout->points_earned,
                        checkout->refunded_minor};
}

}  // namespace patron::services
