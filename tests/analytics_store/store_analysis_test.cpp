// Analysing the store after an import gives what analysing the file gives;
// both SQLite read paths agree; a full run is stored and read back.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "analytics/btyd.h"
#include "analytics/cohorts.h"
#include "analytics/rfm.h"
#include "app/gen_data.h"
#include "app/import_history.h"
#include "services/full_analysis.h"
#include "storage/sql/analytics_repository.h"
#include "storage/sql/history_reader.h"
#include "store_fixture.h"

namespace patron::services {
namespace {

namespace an = patron::analytics;
using namespace analytics_store::testing;
using app::generate_into_store;
using app::import_history;

an::TransactionTable from_file(const std::string& path, an::TransactionFormat format) {
  auto input = open_or_fail(path);
  an::ReadReport report;
  return std::move(an::read_transactions(input, format, report)).value();
}

// The store's table with its customers renamed to their ids in the file.
an::TransactionTable from_store(Store& store, const std::string& path, an::TransactionFormat format) {
  auto input = open_or_fail(path);
  import_history(store.session(), input, {format, "", "", ""}, kNow);
  auto table = sql::read_history(store.session(), {false}).purchases;
  std::map<std::string, std::string> external;
  std::string customer, id;
  soci::statement st = (store.session().prepare << "SELECT customer_id, external_id FROM customer_external_ids",
                        soci::into(customer), soci::into(id));
  st.execute();
  while (st.fetch()) external[customer] = id;
  for (auto& name : table.customer_ids) name = external.at(name);
  return table;
}

struct RfmRow {
  std::int32_t recency;
  std::uint32_t frequency;
  std::int64_t monetary;
  int r, f, m;
  an::Segment segment;
  bool operator==(const RfmRow&) const = default;
};

std::map<std::string, RfmRow> rfm_by_id(const an::TransactionTable& table, an::Day as_of) {
  const auto rfm = an::compute_rfm(table.purchases, table.customer_count(), {as_of, 0});
  std::map<std::string, RfmRow> rows;
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    rows[table.customer_ids[rfm.customer_index[i]]] = {rfm.recency_days[i], rfm.frequency[i], rfm.monetary_minor[i],
                                                       rfm.r_score[i],      rfm.f_score[i],   rfm.m_score[i],
                                                       rfm.segment[i]};
  }
  return rows;
}

struct Case {
  const char* path;
  an::TransactionFormat format;
};

class StoreEqualsFile : public ::testing::TestWithParam<Case> {};

TEST_P(StoreEqualsFile, RfmCohortsAndBtydMatch) {
  Store store;
  const auto file = from_file(shared_data(GetParam().path), GetParam().format);
  const auto stored = from_store(store, shared_data(GetParam().path), GetParam().format);
  ASSERT_EQ(file.purchases.size(), stored.purchases.size());
  const an::Day as_of = an::day_after_last_purchase(file.purchases);
  ASSERT_EQ(as_of, an::day_after_last_purchase(stored.purchases));
  EXPECT_EQ(rfm_by_id(file, as_of), rfm_by_id(stored, as_of));

  const auto file_cohorts = an::cohort_retention(file.purchases, file.customer_count());
  const auto store_cohorts = an::cohort_retention(stored.purchases, stored.customer_count());
  ASSERT_EQ(file_cohorts.size(), store_cohorts.size());
  for (std::size_t i = 0; i < file_cohorts.size(); ++i) EXPECT_EQ(file_cohorts[i].active, store_cohorts[i].active);

  const an::SummaryOptions options{as_of - 1, an::Period::weeks, 100.0};
  const auto file_fit = an::analyze_btyd(an::summarize(file.purchases, file.customer_count(), options), {});
  const auto store_fit = an::analyze_btyd(an::summarize(stored.purchases, stored.customer_count(), options), {});
  // Thirteen days of online retail are too short a history for BG/NBD: the
  // fit must then fail the same way from both sources rather than print a
  // degenerate optimum.
  ASSERT_EQ(file_fit.ok(), store_fit.ok());
  if (!file_fit.ok()) {
    EXPECT_EQ(file_fit.error().message, store_fit.error().message);
    EXPECT_EQ(std::string(GetParam().path), "online-retail/online-retail-2010-12-sample.csv");
    return;
  }
  EXPECT_NEAR(file_fit->purchases.params[0], store_fit->purchases.params[0], 1e-9 * file_fit->purchases.params[0]);
  EXPECT_NEAR(file_fit->purchases.params[1], store_fit->purchases.params[1], 1e-9 * file_fit->purchases.params[1]);
  EXPECT_NEAR(file_fit->purchases.log_likelihood, store_fit->purchases.log_likelihood, 1e-9);
}

INSTANTIATE_TEST_SUITE_P(Formats, StoreEqualsFile,
                         ::testing::Values(Case{"cdnow/CDNOW_sample.txt", an::TransactionFormat::cdnow},
                                           Case{"cdnow/CDNOW_master.txt", an::TransactionFormat::cdnow},
                                           Case{"online-retail/online-retail-2010-12-sample.csv",
                                                an::TransactionFormat::online_retail}));

an::SyntheticOptions small_history() {
  an::SyntheticOptions options;
  options.customers = 1500;
  options.purchases = 9000;
  options.seed = 11;
  options.products = 300;
  return options;
}

TEST(StoreRead, DirectAndPortablePathsAgree) {
  Store store;
  ASSERT_TRUE(generate_into_store(store.session(), small_history(), kNow).ok());
  const auto direct = sql::read_history(store.session(), {true, false});
  const auto portable = sql::read_history(store.session(), {true, true});
  EXPECT_EQ(direct.purchases.customer_ids, portable.purchases.customer_ids);
  EXPECT_EQ(direct.purchases.purchases.day, portable.purchases.purchases.day);
  EXPECT_EQ(direct.purchases.purchases.amount_minor, portable.purchases.purchases.amount_minor);
  EXPECT_EQ(direct.lines.purchase_row, portable.lines.purchase_row);
  EXPECT_EQ(direct.lines.item, portable.lines.item);
  EXPECT_EQ(direct.item_category, portable.item_category);
  EXPECT_EQ(direct.brand_names, portable.brand_names);
  // Every purchase's lines add up to its total.
  std::vector<std::int64_t> sum(direct.purchases.purchases.size(), 0);
  for (std::size_t i = 0; i < direct.lines.size(); ++i)
    sum[direct.lines.purchase_row[i]] += direct.lines.amount_minor[i];
  EXPECT_EQ(sum, direct.purchases.purchases.amount_minor);
}

TEST(GenData, WritesExactlyWhatWasAskedAndRefusesTheSameSeedTwice) {
  Store store;
  const auto counts = generate_into_store(store.session(), small_history(), kNow);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->customers_created, 1500u);
  EXPECT_EQ(counts->purchases_written, 9000u);
  EXPECT_EQ(store.count("transactions"), 9000);
  EXPECT_EQ(store.count("users"), 1500);
  EXPECT_EQ(store.count("accounts"), 1500);
  EXPECT_EQ(static_cast<std::size_t>(store.count("transaction_lines")), counts->lines_written);
  const auto again = generate_into_store(store.session(), small_history(), kNow);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST(FullRun, IsStoredAndReadBack) {
  Store store;
  ASSERT_TRUE(generate_into_store(store.session(), small_history(), kNow).ok());
  sql::AnalyticsRepository repository(store.session());
  EXPECT_FALSE(repository.latest_run().has_value());
  const auto run = run_full_analysis(store.session(), {}, kNow);
  ASSERT_TRUE(run.ok()) << run.error().message;
  // "models" compares the purchase models on a holdout; the chosen one's stage follows.
  const std::string chosen = run->summary["btyd"]["model"].get<std::string>();
  EXPECT_EQ(run->summary["model_selection"]["chosen"], chosen);
  const std::vector<std::string> stages{"read",  "summary", "rfm",      "models",  chosen,      "gamma_gamma",
                                        "rules", "events",  "affinity", "cohorts", "write-back"};
  std::vector<std::string> seen;
  for (const auto& stage : run->stages) seen.push_back(stage.stage);
  EXPECT_EQ(seen, stages);

  const auto latest = repository.latest_run();
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->id, run->run_id);
  EXPECT_EQ(latest->customers, 1500);
  EXPECT_EQ(latest->purchases, 9000);
  EXPECT_EQ(store.count("analytics_customer_scores"), 1500);
  for (std::size_t i = 0; i < run->scores.size(); i += 97) {
    const auto score = repository.score_of(latest->id, run->scores.customer_id[i]);
    ASSERT_TRUE(score.has_value());
    EXPECT_EQ(score->segment, run->scores.segment[i]);
    EXPECT_EQ(score->monetary_minor, run->scores.monetary_minor[i]);
    ASSERT_TRUE(score->p_alive && score->clv);
    EXPECT_DOUBLE_EQ(*score->p_alive, run->scores.p_alive[i]);
    EXPECT_DOUBLE_EQ(*score->clv, run->scores.clv[i]);
    EXPECT_EQ(score->categories, run->scores.categories[i]);
    EXPECT_FALSE(score->top_category.empty());
  }
  const auto page = repository.scores(latest->id, "", true, 10, 0);
  ASSERT_EQ(page.items.size(), 10u);
  for (std::size_t i = 1; i < page.items.size(); ++i) EXPECT_GE(*page.items[i - 1].clv, *page.items[i].clv);
  EXPECT_EQ(repository.cohorts(latest->id).size(), run->cohorts.size());
  EXPECT_EQ(repository.rules(latest->id, 1000).size(), run->rules.size());
}

// gen-data's co-purchase groups make products that go together, so the run
// finds rules with lift above 1; "Bought together" reads only those.
TEST(FullRun, BoughtTogetherReadsOnlyRulesWithLiftAboveOne) {
  Store store;
  ASSERT_TRUE(generate_into_store(store.session(), small_history(), kNow).ok());
  const auto run = run_full_analysis(store.session(), {}, kNow);
  ASSERT_TRUE(run.ok());
  sql::AnalyticsRepository repository(store.session());
  const auto latest = repository.latest_run();
  ASSERT_TRUE(latest.has_value());
  const auto together = repository.rules_with_lift_above(latest->id, 1.0, 1000);
  EXPECT_FALSE(together.empty());
  std::size_t above_one = 0;
  for (const auto& rule : repository.rules(latest->id, 1000)) above_one += rule.lift > 1.0 ? 1 : 0;
  EXPECT_EQ(together.size(), above_one);
  for (const auto& rule : together) EXPECT_GT(rule.lift, 1.0);
}

TEST(FullRun, KeepsTheRowsOfTheLastTwoRunsOnly) {
  Store store;
  ASSERT_TRUE(generate_into_store(store.session(), small_history(), kNow).ok());
  long long last = 0;
  for (int k = 0; k < 3; ++k) {
    auto run = run_full_analysis(store.session(), {}, kNow + k);
    ASSERT_TRUE(run.ok());
    last = run->run_id;
  }
  EXPECT_EQ(last, 3);
  EXPECT_EQ(store.count("analytics_runs"), 3);
  long long oldest_rows = -1;
  store.session() << "SELECT COUNT(*) FROM analytics_customer_scores WHERE run_id = 1", soci::into(oldest_rows);
  EXPECT_EQ(oldest_rows, 0);
  EXPECT_EQ(store.count("analytics_customer_scores"), 2 * 1500);
}

// A history on which a single L-BFGS run stalls (little churn seen in the
// calibration window: a flat ridge); restarts from the best point must
// settle the fit.
TEST(FullRun, FitsWhereLbfgsAloneGaveUp) {
  Store store;
  an::SyntheticOptions options;
  options.customers = 1000;
  options.purchases = 5000;
  options.seed = 3;
  options.first_day = an::day_from_civil(2023, 6, 1);
  options.history_days = 600;
  ASSERT_TRUE(generate_into_store(store.session(), options, kNow).ok());
  const auto run = run_full_analysis(store.session(), {}, kNow);
  ASSERT_TRUE(run.ok());
  const auto& btyd = run->summary["btyd"];
  ASSERT_TRUE(btyd.contains("model")) << btyd.dump();
  EXPECT_GT(btyd[btyd["model"].get<std::string>()]["r"].get<double>(), 0.0) << btyd.dump();
  EXPECT_EQ(run->scores.p_alive.size(), run->scores.size());
}

TEST(FullRun, EmptyStoreIsAnError) {
  Store store;
  const auto run = run_full_analysis(store.session(), {}, kNow);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.error().code, ErrorCode::validation_failed);
}

}  // namespace
}  // namespace patron::services
