// The BTYD summary computed from raw purchases against the published one.
#include <gtest/gtest.h>

#include <map>

#include "cdnow.h"
#include "test_table.h"

namespace patron::analytics {
namespace {

TEST(CustomerSummary, CdnowSampleMatchesThePublishedSummary) {
  const SummaryTable published =
      testing::load_published_summary("cdnow_customers_summary_with_transactions.csv");
  const CustomerSummary& computed = testing::cdnow_summary_from_purchases();
  const TransactionTable& purchases = testing::cdnow_sample_purchases();
  ASSERT_EQ(computed.size(), published.summary.size());
  std::map<std::string, std::size_t> published_row;
  for (std::size_t row = 0; row < published.customer_ids.size(); ++row) {
    published_row[published.customer_ids[row]] = row;
  }
  // The file prints two decimals, so agreement is to half a cent / week.
  const double rounding = 0.005 + 1e-9;
  for (std::size_t row = 0; row < computed.size(); ++row) {
    const std::string id = std::to_string(std::stoi(purchases.customer_ids[computed.customer_index[row]]));
    SCOPED_TRACE("customer " + id);
    ASSERT_TRUE(published_row.count(id));
    const std::size_t p = published_row[id];
    EXPECT_EQ(computed.frequency[row], published.summary.frequency[p]);
    EXPECT_NEAR(computed.recency[row], published.summary.recency[p], rounding);
    EXPECT_NEAR(computed.age[row], published.summary.age[p], rounding);
    EXPECT_NEAR(computed.mean_repeat_spend[row], published.summary.mean_repeat_spend[p], rounding);
  }
}

// Hand-built histories: one row per case, days relative to the calibration end.
struct Case {
  const char* name;
  std::vector<std::pair<Day, std::int64_t>> purchases;  // (day, amount_minor)
  Period period;
  std::uint32_t frequency;
  double recency, age, mean_repeat_spend;
};

TEST(CustomerSummary, DefinitionsOnHandBuiltHistories) {
  const Day end = 100;
  const std::vector<Case> cases{
      {"one purchase", {{30, 500}}, Period::days, 0, 0, 70, 0},
      {"same day counts once", {{30, 500}, {30, 700}, {44, 100}, {44, 300}}, Period::days, 1, 14, 70, 4.0},
      {"weeks", {{2, 100}, {16, 300}, {30, 500}}, Period::weeks, 2, 4, 14, 4.0},
      {"after calibration ignored", {{10, 100}, {50, 200}, {150, 900}}, Period::days, 1, 40, 90, 2.0},
      {"unsorted input", {{50, 200}, {10, 100}}, Period::days, 1, 40, 90, 2.0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TransactionColumns columns;
    for (const auto& [day, amount] : c.purchases) columns.push_back(0, day, amount);
    const CustomerSummary s = summarize(columns, 1, {end, c.period, 100.0});
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s.frequency[0], c.frequency);
    EXPECT_DOUBLE_EQ(s.recency[0], c.recency);
    EXPECT_DOUBLE_EQ(s.age[0], c.age);
    EXPECT_DOUBLE_EQ(s.mean_repeat_spend[0], c.mean_repeat_spend);
  }
}

TEST(CustomerSummary, CustomersFirstSeenAfterCalibrationHaveNoRow) {
  TransactionColumns columns;
  columns.push_back(0, 10, 100);
  columns.push_back(1, 200, 100);
  const CustomerSummary s = summarize(columns, 2, {100, Period::days, 100.0});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s.customer_index[0], 0u);
}

}  // namespace
}  // namespace patron::analytics
