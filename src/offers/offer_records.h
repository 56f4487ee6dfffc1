#pragma once
// An offer as it is stored and shown: who it is for, why (its reasons), the
// most it can earn, and where it stands; with its campaign beside it when the
// customer's list is read. Plain records: the SQL repository reads and writes
// them, the services and the API views take them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"
#include "offers/campaign.h"

namespace patron::offers {

struct OfferRecord {
  std::string id, campaign_id, customer_id, category;
  std::vector<std::string> reasons;
  double score = 0;
  Points max_bonus_points = 0;
  std::string status = "issued";  // issued | activated | redeemed
  std::optional<std::int64_t> activated_at, redeemed_at;
  std::string transaction_id;
  Points bonus_points = 0;
  std::int64_t created_at = 0;
};

// An offer with the campaign it belongs to (its template, window, status).
struct CampaignOffer {
  OfferRecord offer;
  Campaign campaign;
};


// A customer as targeting sees them: tier, the latest run's segment and
// scores, and affinities.
struct ScoredCustomer {
  std::string id, tier, segment, categories, brands;  // JSON [[name, score], ...], most affine first
  std::optional<double> p_alive, expected_avg_spend, clv;
  std::optional<std::int64_t> recency_days;
};

// The most offers one customer's list shows.
inline constexpr int max_offers_listed = 200;

}  // namespace patron::offers
