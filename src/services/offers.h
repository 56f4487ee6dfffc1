#pragma once
// Offer use cases over the stores: campaigns (create, change, archive),
// generating a campaign's personalized offers, the customer's offers and
// their activation, offers applied at the till, and the campaign report.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/earning.h"
#include "domain/result.h"
#include "offers/campaign.h"
#include "offers/statistics.h"
#include "offers/targeting.h"
#include "services/loyalty.h"
#include "services/session.h"
#include "storage/documents/document_store.h"
#include "domain/records.h"
#include "offers/offer_records.h"

namespace patron::services {

// A customer's stated favourite categories (the behaviour store's preferences).
using FavoriteCategories = std::function<std::vector<std::string>(const std::string& customer_id)>;

// Read from `store`, which must outlive the result; none at all (a null
// function) when there is no behaviour store.
FavoriteCategories favorites_from(documents::DocumentStore* store);

struct GenerationReport {
  std::int64_t offers_created = 0, control_group_size = 0, treatment_size = 0;
};

struct ArmOutcome {
  std::int64_t customers = 0, redemptions = 0, purchasers = 0, purchases = 0;
  MinorUnits revenue_minor = 0;
  offers::Moments revenue_per_customer;
};

struct CampaignReport {
  offers::Campaign campaign;
  std::int64_t window_from = 0, window_to = 0;
  ArmOutcome treatment, control;
  std::optional<offers::Interval> revenue_per_customer_ci, purchase_rate_ci;
  Points cost_points = 0;
};

// An offer a purchase used: its bonus is part of the purchase's points.
struct AppliedOffer {
  std::string offer_id, name;
  Points points = 0;
  MinorUnits discount_minor = 0;  // a percent-off voucher's
  std::string voucher_code;       // a free reward's voucher
};

inline constexpr std::int64_t max_customers_per_generation = 2'000'000;

class OfferSignals;

class Offers {
 public:
  Offers(Session session, ProgramSettings settings) : session_(session), settings_(std::move(settings)) {}

  Result<offers::Campaign> create_campaign(offers::Campaign campaign, std::int64_t now);
  Result<offers::Campaign> change_campaign(const offers::Campaign& changed);
  Status archive_campaign(const std::string& id);
  Result<offers::Campaign> campaign(const std::string& id);  // not_found "campaign not found"
  Page<offers::Campaign> campaigns(int limit, const std::string& after_id);
  std::int64_t audience_size(const offers::Audience& audience, const FavoriteCategories& favorites, std::int64_t now);
  Result<GenerationReport> generate(const std::string& campaign_id, const FavoriteCategories& favorites,
                                    std::int64_t now);
  // A customer's offers, at most `limit` (up to max_listed).
  static constexpr int max_listed = offers::max_offers_listed;
  std::vector<offers::CampaignOffer> customer_offers(const std::string& customer_id, int limit);
  Result<offers::CampaignOffer> activate(const std::string& customer_id, const std::string& offer_id, std::int64_t now);
  Result<CampaignReport> report(const std::string& campaign_id, std::int64_t now);

  // The customer's offers a purchase at `at` may use (one query a purchase;
  // the three below each take their kind from it).
  std::vector<offers::CampaignOffer> applicable(const std::string& customer_id, std::int64_t at);
  // Bonus points of the offers this purchase qualifies for; `base_points(lines)`
  // prices lines by the program's rules.
  std::vector<AppliedOffer> bonuses_for(const std::vector<offers::CampaignOffer>& applicable,
                                        const std::vector<PricedLine>& lines,
                                        const std::function<Points(const std::vector<PricedLine>&)>& base_points);
  // Applies percent-off vouchers to the lines they qualify (lowering unit
  // prices in place); what each took off.
  std::vector<AppliedOffer> discounts_for(const std::vector<offers::CampaignOffer>& applicable,
                                          std::vector<PricedLine>& lines);
  // Issues the reward of each free-reward offer the purchase qualifies for, as
  // a voucher redeemed for 0 points (skipped when the reward is out of stock).
  std::vector<AppliedOffer> rewards_for(const std::vector<offers::CampaignOffer>& applicable,
                                        const std::string& customer_id, const std::vector<PricedLine>& lines,
                                        std::int64_t now);
  // Marks each applied offer used by the transaction (once).
  void mark_redeemed(const std::vector<AppliedOffer>& applied, const std::string& transaction_id, std::int64_t now);

 private:
  // Every active customer's signals: exact from their purchases when there is
  // no analysis or the audience filters on categories bought, else from the
  // analysis' scores in one scan.
  void visit_signals(const offers::Audience& audience, OfferSignals& signals, std::int64_t now,
                     const std::function<void(const offers::CustomerSignals&)>& visit);

  Session session_;
  ProgramSettings settings_;
};

}  // namespace patron::services
