#pragma once
// Reads what the offers engine knows about a customer: the latest analysis
// (segment, P(alive), expected spend, CLV), what they bought by category and
// SKU, their stated favourites and their past response to offers; and the
// latest association rules in the catalog's words.
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "offers/targeting.h"
#include "services/offers.h"
#include "domain/records.h"
#include "offers/offer_records.h"
#include "services/session.h"

namespace patron::services {

inline constexpr int max_rules_for_offers = 200;

class OfferSignals {
 public:
  OfferSignals(Session session, std::string base_currency, FavoriteCategories favorites);

  // Exact: what the customer bought, SKU by SKU (a few statements a customer).
  offers::CustomerSignals of(const std::string& customer_id, const std::string& tier);
  // From the latest analysis' scores row (one scan for everyone): categories
  // by affinity, days since the last visit, no SKUs.
  offers::CustomerSignals from_scores(const offers::ScoredCustomer& row, std::int64_t now);
  std::optional<long long> run_id() const { return run_id_; }
  const std::vector<offers::RuleSignal>& rules() const { return rules_; }
  const offers::BrandCategories& brand_categories() const { return brand_categories_; }

 private:
  void add_offer_history(offers::CustomerSignals& c);

  Session session_;
  std::string base_currency_;
  FavoriteCategories favorites_;
  std::optional<long long> run_id_;
  std::vector<offers::RuleSignal> rules_;
  offers::BrandCategories brand_categories_;
  std::optional<std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>>> histories_;
};

}  // namespace patron::services
