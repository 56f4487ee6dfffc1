#pragma once
// Campaigns, their members (treatment or control) and the offers issued to
// treated customers. A campaign's audience and offer template are stored as
// JSON documents; the JSON shape is the adapter's own business.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

class OffersStore {
 public:
  virtual ~OffersStore() = default;

  // Active customers with their tier, by id, at most `limit`.
  virtual void visit_active_customers(
      std::int64_t limit, const std::function<void(const std::string& id, const std::string& tier)>& visit) = 0;
  virtual std::vector<SkuHistory> sku_history(const std::string& customer_id) = 0;

  virtual std::int64_t count_live_campaigns() = 0;
  // (brand, category) pairs the catalog sells, at most max_brand_categories.
  virtual std::vector<std::pair<std::string, std::string>> brand_categories() = 0;
  // Active customers with their scores in the run, by id, at most `limit`: one scan.
  virtual void visit_scored_customers(std::optional<long long> run_id, std::int64_t limit,
                                      const std::function<void(const ScoredCustomer&)>& visit) = 0;
  // Offers issued and redeemed per customer, over every campaign.
  virtual std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> offer_histories() = 0;
  virtual std::unordered_set<std::string> member_ids(const std::string& campaign_id) = 0;
  // "<customer id>\x1f<category>" of the campaign's offers.
  virtual std::unordered_set<std::string> offer_keys(const std::string& campaign_id) = 0;
  // New members and offers, each statement prepared once for the whole list.
  virtual void insert_members(const std::string& campaign_id, const std::vector<std::pair<std::string, bool>>& members,
                              std::int64_t at) = 0;
  virtual void insert_offers(const std::vector<OfferRecord>& offers) = 0;
  virtual void insert_campaign(const offers::Campaign& campaign) = 0;
  virtual void update_campaign(const offers::Campaign& campaign) = 0;
  virtual std::optional<offers::Campaign> find_campaign(const std::string& id) = 0;
  virtual Page<offers::Campaign> list_campaigns(int limit, const std::string& after_id) = 0;
  virtual void archive_campaign(const std::string& id) = 0;
  virtual void set_generation_counts(const std::string& id, std::int64_t offers_created,
                                     std::int64_t control_group_size) = 0;

  virtual std::int64_t count_members(const std::string& campaign_id, bool control) = 0;

  virtual std::int64_t count_offers(const std::string& campaign_id) = 0;
  virtual std::optional<CampaignOffer> find_offer(const std::string& id) = 0;
  virtual std::vector<CampaignOffer> offers_for_customer(const std::string& customer_id, int limit) = 0;
  // Activated offers and auto-applied issued ones whose live campaign's window holds `at`.
  virtual std::vector<CampaignOffer> applicable_offers(const std::string& customer_id, std::int64_t at) = 0;
  virtual bool activate(const std::string& offer_id, std::int64_t at) = 0;
  // Marks the offer used by a transaction, once: false when it already was.
  virtual bool redeem(const std::string& offer_id, const std::string& transaction_id, Points bonus,
                      std::int64_t at) = 0;

  // Every member with their purchases in [from, to), streamed.
  virtual void member_outcomes(const std::string& campaign_id, std::int64_t from, std::int64_t to,
                               const std::function<void(const MemberOutcome&)>& visit) = 0;
  virtual std::pair<std::int64_t, Points> redemptions(const std::string& campaign_id) = 0;  // count, bonus points
};

}  // namespace patron::sql
