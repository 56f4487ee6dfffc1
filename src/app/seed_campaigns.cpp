#include "app/seed_campaigns.h"

#include <array>
#include <random>
#include <vector>

#include "offers/targeting.h"
#include "services/offers.h"

namespace patron::app {
namespace {

constexpr std::int64_t day_seconds = 86'400;
constexpr int demo_shoppers = 24;
constexpr int max_campaign_attempts = 20;

// Baskets people really buy together: a shopper favours one or two of these.
const std::array<std::vector<const char*>, 5> basket_groups = {{
    {"COF-001", "COF-003", "BAK-002", "DAI-001", "DAI-002"},
    {"PRO-001", "PRO-002", "PRO-003", "DAI-003", "BAK-001"},
    {"SNK-001", "SNK-002", "BEV-001", "BEV-004", "BEV-005"},
    {"HOM-001", "HOM-002", "HOM-003", "HOM-005", "BEV-001"},
    {"BEA-001", "BEA-002", "BEA-005", "HOM-004", "BEV-003"},
}};

int seed_shopper_history(services::Loyalty& loyalty, const std::string& customer_id, const std::string& store_id,
                         std::mt19937& random, std::int64_t now) {
  std::uniform_int_distribution<std::size_t> group(0, basket_groups.size() - 1);
  std::uniform_int_distribution<int> gap_days(4, 14), lines(2, 4), quantity(1, 2), lapse(0, 3);
  const auto first = group(random), second = group(random);
  // One shopper in four stopped coming two to four months ago.
  const std::int64_t last_visit = lapse(random) == 0 ? now - (60 + gap_days(random) * 4) * day_seconds : now - day_seconds;
  int purchases = 0;
  for (std::int64_t at = now - 180 * day_seconds; at < last_visit; at += gap_days(random) * day_seconds) {
    services::PurchaseCommand purchase;
    purchase.customer.id = customer_id;
    purchase.store_id = store_id;
    purchase.occurred_at = at + 11 * 3600;
    const auto& favourite = basket_groups[random() % 4 == 0 ? second : first];
    for (int i = lines(random); i > 0; --i) {
      purchase.lines.push_back({favourite[random() % favourite.size()], quantity(random), {}});
    }
    if (loyalty.record_purchase(purchase, purchase.occurred_at).ok()) ++purchases;
  }
  return purchases;
}

struct CampaignSpec {
  const char* name;
  offers::Goal goal;
  offers::OfferTemplate offer;
};

// Creates the campaign live and generates its offers. The demo shows the
// customer's side, so the seed keeps a campaign whose control-group draw puts
// the demo customer in the treatment arm (the draw itself is unchanged).
std::int64_t seed_campaign(soci::session& session, const services::ProgramSettings& settings, const CampaignSpec& spec,
                           const std::string& demo_customer_id, std::int64_t now) {
  services::Offers engine(session, settings);
  for (int attempt = 0; attempt < max_campaign_attempts; ++attempt) {
    offers::Campaign campaign;
    campaign.name = spec.name;
    campaign.goal = spec.goal;
    campaign.offer = spec.offer;
    campaign.starts_at = now - day_seconds;
    campaign.ends_at = now + 30 * day_seconds;
    campaign.budget_points = 50'000;
    auto created = engine.create_campaign(campaign, now);
    if (!created.ok()) return 0;
    if (offers::in_control_group(created->id, demo_customer_id, created->control_share_permille)) {
      (void)engine.archive_campaign(created->id);  // a draft the demo does not need
      continue;
    }
    created->status = offers::CampaignStatus::live;
    if (!engine.change_campaign(*created).ok()) return 0;
    auto generated = engine.generate(created->id, nullptr, now);
    return generated.ok() ? generated->offers_created : 0;
  }
  return 0;
}

}  // namespace

CampaignSeed seed_shoppers(soci::session& session, const services::ProgramSettings& settings,
                           const std::string& store_id, std::int64_t now) {
  CampaignSeed report;
  services::Loyalty loyalty(session, settings);
  std::mt19937 random(20261201);  // fixed: the same demo every time
  for (int i = 0; i < demo_shoppers; ++i) {
    auto shopper = loyalty.register_user("shopper" + std::to_string(i + 1) + "@patron.local", "shopper1234",
                                         "Shopper " + std::to_string(i + 1), "customer", now - 181 * day_seconds);
    if (!shopper.ok()) continue;
    ++report.shoppers;
    report.purchases += seed_shopper_history(loyalty, shopper->id, store_id, random, now);
  }
  return report;
}

CampaignSeed seed_campaigns(soci::session& session, const services::ProgramSettings& settings,
                            const std::string& demo_customer_id, std::int64_t now) {
  CampaignSeed report;
  offers::OfferTemplate double_points{offers::OfferKind::bonus_multiplier, "", "", 2000, 0, 0, 0, "", "", false};
  offers::OfferTemplate try_new{offers::OfferKind::bonus_points, "", "", 0, 150, 1500, 0, "", "", false};
  offers::OfferTemplate treat{offers::OfferKind::bonus_points, "bakery", "", 0, 40, 0, 0, "", "", false};
  const std::array<CampaignSpec, 3> campaigns = {{{"Your favourites, double points", offers::Goal::grow_basket, double_points},
                                                  {"Discover something new", offers::Goal::cross_sell, try_new},
                                                  {"A treat from the bakery", offers::Goal::reward_best, treat}}};
  for (const auto& spec : campaigns) {
    report.offers += static_cast<int>(seed_campaign(session, settings, spec, demo_customer_id, now));
    ++report.campaigns;
  }
  return report;
}

}  // namespace patron::app
