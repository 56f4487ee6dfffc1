#pragma once
// Campaigns, their members (treatment or control) and the offers issued to
// treated customers. A campaign's audience and offer template are stored as
// JSON documents; the JSON shape is this adapter's own business.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <soci/soci.h>

#include "offers/campaign.h"
#include "offers/offer_records.h"
#include "storage/sql/records.h"

namespace patron::sql {

// The offer records are the offers layer's (offers/offer_records.h).
using offers::CampaignOffer;
using offers::OfferRecord;

// One member's purchases in a campaign's window, for the report.
struct MemberOutcome {
  std::string customer_id;
  bool control = false;
  std::int64_t purchases = 0;
  MinorUnits revenue_minor = 0;
};

// What a customer bought, by SKU, for the offers' signals.
struct SkuHistory {
  std::string sku, category, brand;
  std::int64_t lines = 0, last_at = 0;
};

// A customer as the latest analysis scored them (null fields when it did not).
using offers::ScoredCustomer;

using offers::max_offers_listed;
inline constexpr int max_brand_categories = 10'000;
inline constexpr int max_skus_per_customer = 2'000;
inline constexpr int max_applicable_offers = 20;

class OffersRepository {
 public:
  explicit OffersRepository(soci::session& session) : session_(session) {}

  // Active customers with their tier, by id, at most `limit`.
  void visit_active_customers(std::int64_t limit,
                              const std::function<void(const std::string& id, const std::string& tier)>& visit);
  std::vector<SkuHistory> sku_history(const std::string& customer_id);

  std::int64_t count_live_campaigns();
  // (brand, category) pairs the catalog sells, at most max_brand_categories.
  std::vector<std::pair<std::string, std::string>> brand_categories();
  // Active customers with their scores in the run, by id, at most `limit`: one scan.
  void visit_scored_customers(std::optional<long long> run_id, std::int64_t limit,
                              const std::function<void(const ScoredCustomer&)>& visit);
  // Offers issued and redeemed per customer, over every campaign.
  std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> offer_histories();
  std::unordered_set<std::string> member_ids(const std::string& campaign_id);
  // "<customer id>\x1f<category>" of the campaign's offers.
  std::unordered_set<std::string> offer_keys(const std::string& campaign_id);
  // New members and offers, each statement prepared once for the whole list.
  void insert_members(const std::string& campaign_id, const std::vector<std::pair<std::string, bool>>& members,
                      std::int64_t at);
  void insert_offers(const std::vector<OfferRecord>& offers);
  void insert_campaign(const offers::Campaign& campaign);
  void update_campaign(const offers::Campaign& campaign);
  std::optional<offers::Campaign> find_campaign(const std::string& id);
  Page<offers::Campaign> list_campaigns(int limit, const std::string& after_id);
  void archive_campaign(const std::string& id);
  void set_generation_counts(const std::string& id, std::int64_t offers_created, std::int64_t control_group_size);

  std::int64_t count_members(const std::string& campaign_id, bool control);

  std::int64_t count_offers(const std::string& campaign_id);
  std::optional<CampaignOffer> find_offer(const std::string& id);
  std::vector<CampaignOffer> offers_for_customer(const std::string& customer_id, int limit);
  // Activated offers and auto-applied issued ones whose live campaign's window holds `at`.
  std::vector<CampaignOffer> applicable_offers(const std::string& customer_id, std::int64_t at);
  bool activate(const std::string& offer_id, std::int64_t at);
  // Marks the offer used by a transaction, once: false when it already was.
  bool redeem(const std::string& offer_id, const std::string& transaction_id, Points bonus, std::int64_t at);

  // Every member with their purchases in [from, to), streamed.
  void member_outcomes(const std::string& campaign_id, std::int64_t from, std::int64_t to,
                       const std::function<void(const MemberOutcome&)>& visit);
  std::pair<std::int64_t, Points> redemptions(const std::string& campaign_id);  // count, bonus points

 private:
  soci::session& session_;
};

}  // namespace patron::sql
