// Behaviour events blended into the stored affinities: purchases in SQLite,
// events in RocksDB held open read-write by a "server" handle the whole time,
// the analysis reading them through a read-only (secondary) open.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analytics/calendar.h"
#include "app/import_history.h"
#include "services/full_analysis.h"
#include "storage/documents/rocksdb_store.h"
#include "storage/sql/analytics_repository.h"
#include "store_fixture.h"

namespace patron::services {
namespace {

namespace an = patron::analytics;
using namespace analytics_store::testing;
using Json = nlohmann::ordered_json;  // the summary's type
using app::import_history;

// Everyone buys on 2024-02-10 and every event happens that day, so all decay
// alike and the shares below are plain ratios.
constexpr const char* kPurchases =
    "customer_id,occurred_at,sku,quantity,unit_price_minor\n"
    "alice,2024-02-10 09:00,TEA-1,2,350\n"
    "alice,2024-02-10 09:00,MUG-1,1,1200\n"
    "bob,2024-02-10 10:00,TEA-1,1,350\n"
    "bob,2024-02-10 10:00,BOOK-1,1,900\n"
    "carol,2024-01-03 10:00,TEA-1,1,350\n";

struct CatalogueRow {
  const char* sku;
  const char* category;
  const char* brand;
};
constexpr CatalogueRow kCatalogue[] = {
    {"TEA-1", "Tea", "Leafy"}, {"MUG-1", "Kitchen", "Potter"}, {"BOOK-1", "Books", "Pages"}};

const std::int64_t kEventMs = an::day_from_civil(2024, 2, 10) * std::int64_t{86'400'000} + 43'200'000;

std::string user_id_of(soci::session& session, const std::string& external_id) {
  std::string id;
  session << "SELECT customer_id FROM customer_external_ids WHERE external_id = :external_id", soci::use(external_id),
      soci::into(id);
  return id;
}

documents::Event event(const std::string& customer, documents::EventType type, std::string sku,
                       std::string category = "") {
  documents::Event e;
  e.customer_id = customer;
  e.type = type;
  e.sku = std::move(sku);
  e.category = std::move(category);
  e.occurred_at_ms = kEventMs;
  return e;
}

// [[value, score], ...] of one customer in the latest run.
std::vector<std::pair<std::string, double>> ranked(soci::session& session, long long run_id,
                                                   const std::string& customer, bool brands = false) {
  const auto score = sql::AnalyticsRepository(session).score_of(run_id, customer);
  EXPECT_TRUE(score.has_value());
  std::vector<std::pair<std::string, double>> list;
  if (!score) return list;
  for (const auto& pair : Json::parse(brands ? score->brands : score->categories)) {
    list.emplace_back(pair[0].get<std::string>(), pair[1].get<double>());
  }
  return list;
}

class EventAffinity : public ::testing::Test {
 protected:
  void SetUp() override {
    std::istringstream input(kPurchases);
    import_history(store_.session(), input, {an::TransactionFormat::generic, "", "", ""}, kNow);
    for (const auto& row : kCatalogue) {
      const std::string sku = row.sku, category = row.category, brand = row.brand;
      store_.session() << "UPDATE products SET category = :category, brand = :brand WHERE sku = :sku",
          soci::use(category), soci::use(brand), soci::use(sku);
    }
    alice_ = user_id_of(store_.session(), "alice");
    bob_ = user_id_of(store_.session(), "bob");
    ASSERT_FALSE(alice_.empty() || bob_.empty());
    auto server = documents::RocksDocumentStore::open(events_dir_.path().string());
    ASSERT_TRUE(server.ok()) << server.error().message;
    server_ = std::move(server).value();
    using T = documents::EventType;
    const std::vector<documents::Event> events{
        event(alice_, T::wishlist, "BOOK-1"),
        event(alice_, T::view, "BOOK-1"),
        event(bob_, T::view, "MUG-1"),
        event(bob_, T::view, "MUG-1"),
        event(bob_, T::view, "MUG-1"),
        event(bob_, T::search, "", "Kitchen"),
        event("ghost", T::view, "BOOK-1"),                // unknown to SQL
        event(alice_, T::remove_from_cart, "MUG-1"),      // weight 0
        event(alice_, T::search, ""),                     // a search naming no category
        event(bob_, T::click_offer, "NOT-IN-CATALOGUE"),  // no attribute
        event(alice_, T::view, "", "Invented")};          // a category the catalogue lacks
    ASSERT_TRUE(server_->append_events(events).ok());
  }

  FullAnalysisOptions with_events() {
    FullAnalysisOptions options;
    options.open_events_store = [this] {
      return documents::open_document_store("rocksdb://" + events_dir_.path().string(), documents::OpenMode::read_only);
    };
    return options;
  }

  Store store_;
  documents::testing::TempDir events_dir_;
  std::unique_ptr<documents::RocksDocumentStore> server_;  // holds the LOCK, as `patron serve` does
  std::string alice_, bob_;
};

TEST_F(EventAffinity, AWishlistedCategoryJoinsTheTopCategoriesAndPurchasesStillOutweighViews) {
  const auto run = run_full_analysis(store_.session(), with_events(), kNow);
  ASSERT_TRUE(run.ok()) << run.error().message;
  const Json& events = run->summary["events"];
  EXPECT_TRUE(events["used"].get<bool>()) << events.dump();
  EXPECT_EQ(events["read"].get<long long>(), 11);
  EXPECT_EQ(events["blended"].get<long long>(), 6);
  EXPECT_EQ(events["unknown_customer"].get<long long>(), 1);
  EXPECT_EQ(events["without_weight"].get<long long>(), 2);
  EXPECT_EQ(events["without_attribute"].get<long long>(), 2);

  // Alice's average line is (700 + 1200) / 2 = 950: the wishlist adds 475 and
  // the view 95 to Books, which she never bought.
  const auto alice = ranked(store_.session(), run->run_id, alice_);
  ASSERT_EQ(alice.size(), 3u);
  EXPECT_EQ(alice[0].first, "Kitchen");
  EXPECT_NEAR(alice[0].second, 1200.0 / 2470.0, 1e-9);
  EXPECT_EQ(alice[1].first, "Tea");
  EXPECT_EQ(alice[2].first, "Books");
  EXPECT_NEAR(alice[2].second, 570.0 / 2470.0, 1e-6);
  const auto alice_brands = ranked(store_.session(), run->run_id, alice_, true);
  ASSERT_EQ(alice_brands.size(), 3u);
  EXPECT_EQ(alice_brands[2].first, "Pages");

  // Bob's average line is 625: three views and a Kitchen search add 250,
  // still below the one 350 tea he bought.
  const auto bob = ranked(store_.session(), run->run_id, bob_);
  ASSERT_EQ(bob.size(), 3u);
  EXPECT_EQ(bob[0].first, "Books");
  EXPECT_EQ(bob[1].first, "Tea");
  EXPECT_EQ(bob[2].first, "Kitchen");
  EXPECT_NEAR(bob[2].second, 250.0 / 1500.0, 1e-6);
  EXPECT_GT(bob[1].second, bob[2].second);

  const auto latest = sql::AnalyticsRepository(store_.session()).latest_run();
  ASSERT_TRUE(latest.has_value());
  const Json parameters = Json::parse(latest->parameters);
  EXPECT_TRUE(parameters["affinity"]["events"]["used"].get<bool>());
  EXPECT_EQ(parameters["affinity"]["events"]["blended"].get<long long>(), 6);
  std::vector<std::string> stages;
  for (const auto& stage : run->stages) stages.push_back(stage.stage);
  EXPECT_NE(std::find(stages.begin(), stages.end(), "events"), stages.end());
}

TEST_F(EventAffinity, WithoutEventsTheScoresArePurchasesOnlyAndTheRunSaysWhy) {
  FullAnalysisOptions options;
  options.events_skipped_reason = "--no-events";
  const auto run = run_full_analysis(store_.session(), options, kNow);
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_FALSE(run->summary["events"]["used"].get<bool>());
  EXPECT_EQ(run->summary["events"]["reason"].get<std::string>(), "--no-events");
  const auto alice = ranked(store_.session(), run->run_id, alice_);
  ASSERT_EQ(alice.size(), 2u);
  EXPECT_NEAR(alice[0].second, 1200.0 / 1900.0, 1e-9);
}

TEST_F(EventAffinity, AStoreThatCannotBeOpenedLeavesTheRunOnPurchases) {
  FullAnalysisOptions options;
  options.open_events_store = [] {
    return documents::open_document_store("rocksdb:///nonexistent/patron-documents", documents::OpenMode::read_only);
  };
  const auto run = run_full_analysis(store_.session(), options, kNow);
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_FALSE(run->summary["events"]["used"].get<bool>());
  EXPECT_NE(run->summary["events"]["reason"].get<std::string>().find("no RocksDB database"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists("/nonexistent/patron-documents"));
}

}  // namespace
}  // namespace patron::services
