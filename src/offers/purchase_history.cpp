#include "offers/purchase_history.h"

namespace patron::offers {

std::uint32_t PurchaseHistoryBuilder::intern(std::unordered_map<std::string, std::uint32_t>& index,
                                             std::vector<std::string>& names, std::string_view name) {
  auto [it, inserted] = index.try_emplace(std::string(name), static_cast<std::uint32_t>(names.size()));
  if (inserted) names.emplace_back(name);
  return it->second;
}

std::uint32_t PurchaseHistoryBuilder::intern_item(std::string_view sku) {
  const auto item = intern(item_index_, history_.skus, sku);
  if (history_.item_category.size() < history_.skus.size()) {
    history_.item_category.push_back(kNoAttribute);
    history_.item_brand.push_back(kNoAttribute);
  }
  return item;
}

Status PurchaseHistoryBuilder::add_line(std::string_view customer_id, std::int64_t instant,
                                        std::string_view purchase_key, std::string_view sku) {
  if (history_.lines() >= kMaxHistoryLines) {
    return Error::validation("history", "more than " + std::to_string(kMaxHistoryLines) + " purchase lines");
  }
  if (sku.empty()) return Error::validation("history", "a purchase line without a SKU");
  const auto customer = intern(customer_index_, history_.customer_ids, customer_id);
  const bool same_basket = history_.basket_count > 0 && !purchase_key.empty() && customer == last_customer_ &&
                           purchase_key == last_key_;
  if (!same_basket) ++history_.basket_count;
  history_.customer.push_back(customer);
  history_.item.push_back(intern_item(sku));
  history_.basket.push_back(static_cast<std::uint32_t>(history_.basket_count - 1));
  history_.instant.push_back(instant);
  last_customer_ = customer;
  last_key_.assign(purchase_key);
  return ok_status();
}

void PurchaseHistoryBuilder::set_product(std::string_view sku, std::string_view category, std::string_view brand) {
  const auto item = intern_item(sku);
  if (!category.empty()) history_.item_category[item] = intern(category_index_, history_.category_names, category);
  if (!brand.empty()) history_.item_brand[item] = intern(brand_index_, history_.brand_names, brand);
}

PurchaseHistory PurchaseHistoryBuilder::finish() { return std::move(history_); }

}  // namespace patron::offers
