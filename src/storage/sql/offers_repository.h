#pragma once
// The SOCI adapter of the OffersStore port (storage/sql/offers_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storage/sql/offers_store.h"

namespace patron::sql {

class OffersRepository final : public OffersStore {
 public:
  explicit OffersRepository(soci::session& session) : session_(session) {}

  // Active customers with their tier, by id, at most `limit`.
  void visit_active_customers(
      std::int64_t limit, const std::function<void(const std::string& id, const std::string& tier)>& visit) override;
  std::vector<SkuHistory> sku_history(const std::string& customer_id) override;

  std::int64_t count_live_campaigns() override;
  // (brand, category) pairs the catalog sells, at most max_brand_categories.
  std::vector<std::pair<std::string, std::string>> brand_categories() override;
  // Active customers with their scores in the run, by id, at most `limit`: one scan.
  void visit_scored_customers(std::optional<long long> run_id, std::int64_t limit,
                              const std::function<void(const ScoredCustomer&)>& visit) override;
  // Offers issued and redeemed per customer, over every campaign.
  std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> offer_histories() override;
  std::unordered_set<std::string> member_ids(const std::string& campaign_id) override;
  // "<customer id>\x1f<category>" of the campaign's offers.
  std::unordered_set<std::string> offer_keys(const std::string& campaign_id) override;
  // New members and offers, each statement prepared once for the whole list.
  void insert_members(const std::string& campaign_id, const std::vector<std::pair<std::string, bool>>& members,
                      std::int64_t at) override;
  void insert_offers(const std::vector<OfferRecord>& offers) override;
  void insert_campaign(const offers::Campaign& campaign) override;
  void update_campaign(const offers::Campaign& campaign) override;
  std::optional<offers::Campaign> find_campaign(const std::string& id) override;
  Page<offers::Campaign> list_campaigns(int limit, const std::string& after_id) override;
  void archive_campaign(const std::string& id) override;
  void set_generation_counts(const std::string& id, std::int64_t offers_created,
                             std::int64_t control_group_size) override;

  std::int64_t count_members(const std::string& campaign_id, bool control) override;

  std::int64_t count_offers(const std::string& campaign_id) override;
  std::optional<CampaignOffer> find_offer(const std::string& id) override;
  std::vector<CampaignOffer> offers_for_customer(const std::string& customer_id, int limit) override;
  // Activated offers and auto-applied issued ones whose live campaign's window holds `at`.
  std::vector<CampaignOffer> applicable_offers(const std::string& customer_id, std::int64_t at) override;
  bool activate(const std::string& offer_id, std::int64_t at) override;
  // Marks the offer used by a transaction, once: false when it already was.
  bool redeem(const std::string& offer_id, const std::string& transaction_id, Points bonus, std::int64_t at) override;

  // Every member with their purchases in [from, to), streamed.
  void member_outcomes(const std::string& campaign_id, std::int64_t from, std::int64_t to,
                       const std::function<void(const MemberOutcome&)>& visit) override;
  std::pair<std::int64_t, Points> redemptions(const std::string& campaign_id) override;  // count, bonus points

 private:
  soci::session& session_;
};

}  // namespace patron::sql
