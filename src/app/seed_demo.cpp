#include "app/seed_demo.h"
#include "app/seed_campaigns.h"
#include "services/full_analysis.h"

#include <array>
#include <random>

#include "services/secrets.h"

namespace patron::app {
namespace {

using services::FullAnalysisOptions;
using services::run_full_analysis;

constexpr std::int64_t day_seconds = 86'400;

struct DemoProduct {
  const char* sku;
  const char* name;
  const char* category;
  const char* brand;
  long long price_minor;
};

constexpr std::array<DemoProduct, 40> demo_products = {{
    {"COF-001", "House Blend Coffee 250g", "coffee", "Roastery", 899},
    {"COF-002", "Single Origin Ethiopia 250g", "coffee", "Roastery", 1299},
    {"COF-003", "Espresso Beans 1kg", "coffee", "Roastery", 2899},
    {"COF-004", "Decaf Colombia 250g", "coffee", "Roastery", 999},
    {"COF-005", "Cold Brew Bottle", "coffee", "Brewline", 449},
    {"BAK-001", "Sourdough Loaf", "bakery", "Oven & Co", 549},
    {"BAK-002", "Butter Croissant", "bakery", "Oven & Co", 275},
    {"BAK-003", "Cinnamon Roll", "bakery", "Oven & Co", 325},
    {"BAK-004", "Rye Bread", "bakery", "Oven & Co", 499},
    {"BAK-005", "Blueberry Muffin", "bakery", "Oven & Co", 299},
    {"DAI-001", "Whole Milk 1L", "dairy", "Green Pastures", 189},
    {"DAI-002", "Oat Drink 1L", "dairy", "Oatly Farm", 249},
    {"DAI-003", "Greek Yogurt 500g", "dairy", "Green Pastures", 379},
    {"DAI-004", "Aged Cheddar 200g", "dairy", "Highland", 599},
    {"DAI-005", "Salted Butter 250g", "dairy", "Green Pastures", 349},
    {"PRO-001", "Organic Bananas 1kg", "produce", "Fresh Fields", 229},
    {"PRO-002", "Avocados x2", "produce", "Fresh Fields", 399},
    {"PRO-003", "Baby Spinach 200g", "produce", "Fresh Fields", 279},
    {"PRO-004", "Cherry Tomatoes 250g", "produce", "Fresh Fields", 319},
    {"PRO-005", "Honeycrisp Apples 1kg", "produce", "Orchard", 459},
    {"SNK-001", "Dark Chocolate 70%", "snacks", "Cacao Lab", 329},
    {"SNK-002", "Sea Salt Crisps", "snacks", "Crunch", 249},
    {"SNK-003", "Trail Mix 300g", "snacks", "Nutty", 599},
    {"SNK-004", "Granola Bar x6", "snacks", "Nutty", 449},
    {"SNK-005", "Rice Crackers", "snacks", "Crunch", 219},
    {"BEV-001", "Sparkling Water 6x1L", "beverages", "Springs", 499},
    {"BEV-002", "Orange Juice 1L", "beverages", "Citrus Co", 379},
    {"BEV-003", "Green Tea 20 bags", "beverages", "Leaf", 429},
    {"BEV-004", "Kombucha Ginger", "beverages", "Brewline", 349},
    {"BEV-005", "Lemonade 1L", "beverages", "Citrus Co", 299},
    {"HOM-001", "Dish Soap 500ml", "household", "CleanCo", 299},
    {"HOM-002", "Paper Towels x4", "household", "CleanCo", 649},
    {"HOM-003", "Laundry Pods x30", "household", "CleanCo", 1299},
    {"HOM-004", "Beeswax Wraps", "household", "Hive", 1499},
    {"HOM-005", "Compost Bags x20", "household", "Hive", 549},
    {"BEA-001", "Shea Hand Cream", "beauty", "Bloom", 899},
    {"BEA-002", "Lip Balm", "beauty", "Bloom", 349},
    {"BEA-003", "Mineral Sunscreen", "beauty", "Bloom", 1599},
    {"BEA-004", "Bamboo Toothbrush", "beauty", "Hive", 399},
    {"BEA-005", "Argan Shampoo", "beauty", "Bloom", 1199},
}};

std::string create(soci::session& session, const char* resource, CatalogRow row, std::int64_t now) {
  const auto& spec = *find_catalog_resource(resource);
  const auto id = services::new_id(spec.id_prefix);
  row["id"] = id;
  services::Session(session).stores().catalog().create(spec, row, now);
  return id;
}

void seed_catalog(soci::session& session, std::int64_t now) {
  for (const auto& p : demo_products) {
    create(session, "products",
           {{"sku", p.sku},
            {"name", p.name},
            {"category", p.category},
            {"brand", p.brand},
            {"price_minor", p.price_minor},
            {"currency", std::string("USD")}},
           now);
  }
  create(session, "tiers",
         {{"code", "bronze"}, {"name", "Bronze"}, {"threshold_minor", 0LL}, {"multiplier_permille", 1000LL}}, now);
  create(session, "tiers",
         {{"code", "silver"}, {"name", "Silver"}, {"threshold_minor", 50000LL}, {"multiplier_permille", 1250LL}}, now);
  create(session, "tiers",
         {{"code", "gold"}, {"name", "Gold"}, {"threshold_minor", 150000LL}, {"multiplier_permille", 1500LL}}, now);
  create(session, "earning-rules", {{"name", "1 point per dollar"}, {"kind", "base_rate"}, {"rate_milli", 1000LL}},
         now);
  create(session, "earning-rules",
         {{"name", "Double points on coffee"},
          {"kind", "category_multiplier"},
          {"target", "coffee"},
          {"multiplier_permille", 2000LL}},
         now);
  create(session, "earning-rules",
         {{"name", "50 bonus points over $75"},
          {"kind", "spend_threshold_bonus"},
          {"threshold_minor", 7500LL},
          {"bonus_points", 50LL}},
         now);
  create(session, "earning-rules",
         {{"name", "10 bonus points per beeswax wrap"},
          {"kind", "sku_bonus"},
          {"target", "HOM-004"},
          {"bonus_points", 10LL}},
         now);
  const std::array<std::pair<const char*, long long>, 6> rewards = {{{"Free coffee", 100},
                                                                     {"Fresh croissant", 60},
                                                                     {"$5 off your basket", 250},
                                                                     {"Reusable tote bag", 400},
                                                                     {"$15 off your basket", 700},
                                                                     {"Barista masterclass", 1500}}};
  for (const auto& [name, cost] : rewards) {
    create(session, "rewards",
           {{"name", name}, {"description", std::string("Redeem in any Patron store")}, {"points_cost", cost}}, now);
  }
}

}  // namespace

SeedReport seed_demo(soci::session& session, const services::ProgramSettings& settings, std::int64_t now) {
  SeedReport report;
  seed_catalog(session, now);
  report.products = static_cast<int>(demo_products.size());
  // The online shop's store comes with the schema (migration 008), so the demo
  // adds only a street store: two stores both called "Online shop" confused the POS.
  const auto downtown = create(session, "stores", {{"code", "DOWNTOWN"}, {"name", "Downtown"}}, now);

  services::Loyalty loyalty(session, settings);
  const auto admin = loyalty.register_user("admin@patron.local", "admin1234", "Patron Admin", "admin", now);
  const auto demo = loyalty.register_user("demo@patron.local", "demo1234", "Dana Demo", "customer", now);
  if (!admin.ok() || !demo.ok()) throw std::runtime_error("the demo users exist already");

  std::mt19937 random(20261128);  // fixed: the same demo history every time
  // Dana mostly buys coffee, pastries and milk, now and then something else.
  const std::array<const char*, 8> usual = {"COF-001", "COF-003", "COF-005", "BAK-002",
                                            "BAK-003", "DAI-001", "DAI-002", "BAK-001"};
  std::uniform_int_distribution<std::size_t> pick_usual(0, usual.size() - 1), pick_any(0, demo_products.size() - 1);
  std::uniform_int_distribution<int> line_count(1, 4), quantity(1, 2), gap_days(3, 9), now_and_then(0, 5);
  for (std::int64_t at = now - 182 * day_seconds; at < now - day_seconds; at += gap_days(random) * day_seconds) {
    services::PurchaseCommand purchase;
    purchase.customer.id = demo->id;
    purchase.store_id = downtown;
    purchase.occurred_at = at + 10 * 3600;
    for (int i = line_count(random); i > 0; --i) {
      const char* sku = now_and_then(random) == 0 ? demo_products[pick_any(random)].sku : usual[pick_usual(random)];
      purchase.lines.push_back({sku, quantity(random), {}});
    }
    if (loyalty.record_purchase(purchase, at + 10 * 3600).ok()) ++report.purchases;
  }
  report.purchases += seed_shoppers(session, settings, downtown, now).purchases;
  report.demo_customer_id = demo->id;
  return report;
}

Result<SeedReport> seed_demo_program(sql::WriteQueue& writes, const sql::DatabaseUrl& url,
                                     const services::ProgramSettings& settings, std::int64_t now) {
  auto report =
      writes.run<SeedReport>([&](soci::session& s) -> Result<SeedReport> { return seed_demo(s, settings, now); });
  if (!report.ok()) return report;
  FullAnalysisOptions analysis;
  analysis.rules.min_support = 0.02;
  if (auto ran = run_full_analysis(*sql::open_session(url), analysis, now); !ran.ok()) return ran.error();
  auto campaigns = writes.run<CampaignSeed>([&](soci::session& s) -> Result<CampaignSeed> {
    return seed_campaigns(s, settings, report->demo_customer_id, now);
  });
  if (!campaigns.ok()) return campaigns.error();
  report->campaigns = campaigns->campaigns;
  report->offers = campaigns->offers;
  return report;
}

}  // namespace patron::app
