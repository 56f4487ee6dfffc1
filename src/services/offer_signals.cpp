#include "services/offer_signals.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "storage/documents/favorite_categories.h"

namespace patron::services {
namespace {

std::vector<offers::RuleSignal> rules_in_catalog_words(Session session, long long run_id) {
  std::vector<offers::RuleSignal> out;
  auto& catalog = session.stores().catalog();
  for (const auto& rule : session.stores().analytics().rules(run_id, max_rules_for_offers)) {
    if (rule.lift <= 1.0) continue;
    const auto antecedent = nlohmann::json::parse(rule.antecedent, nullptr, false);
    if (!antecedent.is_array() || antecedent.size() != 1 || !antecedent[0].is_string()) continue;
    const auto from = catalog.product_by_sku(antecedent[0].get<std::string>());
    const auto to = catalog.product_by_sku(rule.consequent);
    if (!from || !to) continue;
    out.push_back({from->sku, from->name, to->name, to->category, from->category, rule.lift});
  }
  return out;
}

}  // namespace

OfferSignals::OfferSignals(Session session, std::string base_currency, FavoriteCategories favorites)
    : session_(session), base_currency_(std::move(base_currency)), favorites_(std::move(favorites)) {
  if (auto run = session_.stores().analytics().latest_run()) {
    run_id_ = run->id;
    rules_ = rules_in_catalog_words(session_, run->id);
  }
  brand_categories_ = session_.stores().offers().brand_categories();
}

offers::CustomerSignals OfferSignals::of(const std::string& customer_id, const std::string& tier) {
  offers::CustomerSignals c;
  c.customer_id = customer_id;
  c.tier = tier;
  const double minor_per_major = static_cast<double>(minor_units_per_major(base_currency_));
  if (run_id_) {
    if (auto score = session_.stores().analytics().score_of(*run_id_, customer_id)) {
      c.segment = score->segment;
      c.p_alive = score->p_alive;
      if (score->expected_avg_spend) c.expected_spend_minor = *score->expected_avg_spend * minor_per_major;
      if (score->clv) c.clv_minor = *score->clv * minor_per_major;
    }
  }
  std::map<std::string, offers::CategoryHistory> by_category;
  std::map<std::string, std::int64_t> by_brand;
  auto& offers = session_.stores().offers();
  for (const auto& sku : offers.sku_history(customer_id)) {
    if (!sku.brand.empty()) by_brand[sku.brand] += sku.lines;
    c.bought_skus.push_back(sku.sku);
    auto& h = by_category[sku.category];
    h.category = sku.category;
    h.purchases += sku.lines;
    h.last_at = std::max(h.last_at, sku.last_at);
    c.last_purchase_at = std::max(c.last_purchase_at, sku.last_at);
  }
  for (auto& [category, history] : by_category) {
    if (!category.empty()) c.categories.push_back(history);
  }
  std::sort(c.categories.begin(), c.categories.end(), [](const auto& a, const auto& b) {
    return a.purchases != b.purchases ? a.purchases > b.purchases : a.category < b.category;
  });
  std::vector<std::pair<std::int64_t, std::string>> brands;
  for (const auto& [brand, lines] : by_brand) brands.emplace_back(-lines, brand);
  std::sort(brands.begin(), brands.end());
  for (const auto& [negative_lines, brand] : brands) {
    if (-negative_lines >= 2) c.top_brands.push_back(brand);  // bought twice or more: a liking, not an accident
  }
  if (favorites_) c.favorite_categories = favorites_(customer_id);
  add_offer_history(c);
  return c;
}

// Past offers and redemptions from one grouped read for every customer, not a query each.
void OfferSignals::add_offer_history(offers::CustomerSignals& c) {
  if (!histories_) histories_ = session_.stores().offers().offer_histories();
  if (auto it = histories_->find(c.customer_id); it != histories_->end()) {
    std::tie(c.past_offers, c.past_redeemed) = it->second;
  }
}

offers::CustomerSignals OfferSignals::from_scores(const offers::ScoredCustomer& row, std::int64_t now) {
  offers::CustomerSignals c;
  c.customer_id = row.id;
  c.tier = row.tier;
  c.segment = row.segment;
  c.p_alive = row.p_alive;
  c.skus_known = false;
  const double minor_per_major = static_cast<double>(minor_units_per_major(base_currency_));
  if (row.expected_avg_spend) c.expected_spend_minor = *row.expected_avg_spend * minor_per_major;
  if (row.clv) c.clv_minor = *row.clv * minor_per_major;
  if (row.recency_days) c.last_purchase_at = now - *row.recency_days * 86'400;
  const auto categories = nlohmann::json::parse(row.categories.empty() ? "[]" : row.categories, nullptr, false);
  if (categories.is_array()) {
    for (const auto& pair : categories) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_number()) continue;
      // An affinity score of 2 or more reads as "often" (about two recent purchases).
      c.categories.push_back({pair[0].get<std::string>(),
                              std::max<std::int64_t>(1, std::llround(pair[1].get<double>())), c.last_purchase_at});
    }
  }
  const auto brands = nlohmann::json::parse(row.brands.empty() ? "[]" : row.brands, nullptr, false);
  if (brands.is_array()) {
    for (const auto& pair : brands) {
      if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_number() &&
          pair[1].get<double>() >= 2.0) {
        c.top_brands.push_back(pair[0].get<std::string>());
      }
    }
  }
  if (favorites_) c.favorite_categories = favorites_(row.id);
  add_offer_history(c);
  return c;
}

FavoriteCategories favorites_from(documents::DocumentStore* store) {
  if (store == nullptr) return nullptr;
  return [store](const std::string& customer_id) { return documents::favorite_categories(*store, customer_id); };
}

}  // namespace patron::services
