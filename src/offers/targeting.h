#pragma once
// Who gets which offer, why, and what it is worth: audience filters, the
// deterministic control-group draw, candidate categories from a customer's
// signals with the human reasons that chose them, and a score of expected
// incremental value net of the offer's cost.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "offers/campaign.h"

namespace patron::offers {

struct CategoryHistory {
  std::string category;
  std::int64_t purchases = 0;  // purchase lines in the category
  std::int64_t last_at = 0;    // epoch seconds of the latest
};

// An association rule from the latest analysis, in the catalog's words.
struct RuleSignal {
  std::string antecedent_sku, antecedent_name, consequent_name, consequent_category, antecedent_category;
  double lift = 0;
};

struct CustomerSignals {
  std::string customer_id, tier, segment;
  std::optional<double> p_alive, clv_minor, expected_spend_minor;
  std::vector<CategoryHistory> categories;  // most bought first
  std::vector<std::string> bought_skus;
  // False when the signals come from the analysis' summary (no SKUs): rules
  // then match the antecedent's category and say so.
  bool skus_known = true;
  std::vector<std::string> favorite_categories;  // stated preferences
  std::vector<std::string> top_brands;           // by affinity, most first
  std::int64_t last_purchase_at = 0;              // 0: never bought
  std::int64_t past_offers = 0, past_redeemed = 0;
};

// What a point and a purchase are worth to the program, for costing offers.
struct Economics {
  double point_value_minor = 1.0;           // what the program pays for one point
  double points_per_minor = 0.01;           // the base earning rate (1 point per major unit)
  double default_spend_minor = 2'500;       // expected spend when the analysis has none
  double offer_response_rate = 0.2;         // share of treated customers moved by an offer
};

inline constexpr std::int64_t lapsed_after_seconds = 45 * 86'400;
inline constexpr std::size_t max_candidates_per_customer = 8;
inline constexpr std::size_t max_reasons = 3;
inline constexpr std::size_t max_brands_considered = 2;

bool in_audience(const Audience& audience, const CustomerSignals& customer);

// Deterministic and documented: FNV-1a (64 bit) of "<campaign id>:<customer
// id>", modulo 1000, below the control share in permille. The same customer
// lands in the same arm on every run and every server.
bool in_control_group(const std::string& campaign_id, const std::string& customer_id, std::int64_t control_permille);

struct Candidate {
  std::string category;
  std::vector<std::string> reasons;  // short sentences shown to the customer
  double score = 0;                  // expected incremental value in minor units, net of expected cost
  Points cost_points = 0;            // the most the offer can cost if redeemed (budgets count this)
};

// The campaign's offer for this customer, one candidate per category it
// could be about (the template's category, or ones chosen from the signals),
// best first; empty when nothing fits the goal.
// The catalog's categories each brand sells in.
using BrandCategories = std::vector<std::pair<std::string, std::string>>;  // (brand, category)

std::vector<Candidate> candidates_for(const Campaign& campaign, const CustomerSignals& customer,
                                      const std::vector<RuleSignal>& rules, const Economics& economics,
                                      std::int64_t now, const BrandCategories& brands = {});

// "Coffee" from "coffee" or "hot-drinks" → "Hot drinks": how category codes read in a sentence.
std::string display_category(const std::string& category);

}  // namespace patron::offers
