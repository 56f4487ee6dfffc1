// RFM scores, segments and cohorts on small hand-built data kept as tables.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "analytics/cohorts.h"
#include "analytics/quantile_scores.h"
#include "analytics/rfm.h"
#include "test_table.h"

namespace patron::analytics {
namespace {

std::vector<std::int64_t> numbers(const std::string& text) {
  std::vector<std::int64_t> out;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, ';')) out.push_back(std::stoll(part));
  return out;
}

TEST(Rfm, QuintileScores) {
  for (const auto& row : testing::read_table("quintile_scores.csv")) {
    SCOPED_TRACE(row[0] + " " + row[1]);
    const auto scores = quintile_scores(numbers(row[1]), row[0] == "lower" ? Better::lower : Better::higher);
    const auto expected = numbers(row[2]);
    ASSERT_EQ(scores.size(), expected.size());
    for (std::size_t i = 0; i < scores.size(); ++i) EXPECT_EQ(scores[i], expected[i]) << "at " << i;
  }
}

TEST(Rfm, SegmentGrid) {
  for (const auto& row : testing::read_table("rfm_segments.csv")) {
    SCOPED_TRACE(row[0] + row[1] + row[2]);
    EXPECT_EQ(segment_name(segment_of(std::stoi(row[0]), std::stoi(row[1]), std::stoi(row[2]))), row[3]);
  }
}

TEST(Rfm, EveryScoreCombinationHasASegment) {
  std::map<std::string_view, int> seen;
  for (int r = 1; r <= 5; ++r)
    for (int f = 1; f <= 5; ++f)
      for (int m = 1; m <= 5; ++m) ++seen[segment_name(segment_of(r, f, m))];
  EXPECT_EQ(seen.size(), kSegmentCount);
}

TEST(Rfm, HandBuiltCustomers) {
  const Day as_of = 100;
  const auto rows = testing::read_table("rfm_customers.csv");
  TransactionColumns purchases;
  for (std::uint32_t c = 0; c < rows.size(); ++c) {
    const Day last = as_of - std::stoi(rows[c][1]);
    const int frequency = std::stoi(rows[c][2]);
    const std::int64_t monetary = std::stoll(rows[c][3]);
    // Earlier purchases of 1 minor unit each, the rest on the last one.
    for (int k = 1; k < frequency; ++k) purchases.push_back(c, last - k, 1);
    purchases.push_back(c, last, monetary - (frequency - 1));
  }
  for (unsigned workers : {1u, 2u}) {
    const RfmTable table = compute_rfm(purchases, rows.size(), {as_of, workers});
    ASSERT_EQ(table.size(), rows.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
      const auto& row = rows[table.customer_index[i]];
      SCOPED_TRACE(row[0]);
      EXPECT_EQ(table.recency_days[i], std::stoi(row[1]));
      EXPECT_EQ(table.frequency[i], std::stoul(row[2]));
      EXPECT_EQ(table.monetary_minor[i], std::stoll(row[3]));
      EXPECT_EQ(table.r_score[i], std::stoi(row[4]));
      EXPECT_EQ(table.f_score[i], std::stoi(row[5]));
      EXPECT_EQ(table.m_score[i], std::stoi(row[6]));
      EXPECT_EQ(segment_name(table.segment[i]), row[7]);
    }
  }
}

TEST(Cohorts, HandBuiltRetention) {
  TransactionColumns purchases;
  std::map<std::string, std::uint32_t> customer;
  for (const auto& row : testing::read_table("cohort_purchases.csv")) {
    const auto index = customer.try_emplace(row[0], static_cast<std::uint32_t>(customer.size())).first->second;
    purchases.push_back(index, *parse_date(row[1]), 100);
  }
  const auto cohorts = cohort_retention(purchases, customer.size());
  const auto expected = testing::read_table("cohort_expected.csv");
  ASSERT_EQ(cohorts.size(), expected.size());
  for (std::size_t k = 0; k < cohorts.size(); ++k) {
    SCOPED_TRACE(expected[k][0]);
    EXPECT_EQ(format_month(cohorts[k].first_month), expected[k][0]);
    EXPECT_EQ(cohorts[k].customers, std::stoul(expected[k][1]));
    const auto active = numbers(expected[k][2]);
    ASSERT_EQ(cohorts[k].active.size(), active.size());
    for (std::size_t m = 0; m < active.size(); ++m) EXPECT_EQ(cohorts[k].active[m], active[m]) << "month " << m;
    EXPECT_DOUBLE_EQ(cohorts[k].retention(0), 1.0);
  }
}

TEST(Calendar, DatesRoundTrip) {
  EXPECT_EQ(parse_date("1970-01-01"), 0);
  EXPECT_EQ(parse_date("19970930"), day_from_civil(1997, 9, 30));
  EXPECT_EQ(parse_date("2024-02-29T10:00:00Z"), day_from_civil(2024, 2, 29));
  EXPECT_FALSE(parse_date("2023-02-29").has_value());
  EXPECT_FALSE(parse_date("yesterday").has_value());
  EXPECT_EQ(format_date(day_from_civil(1997, 1, 1)), "1997-01-01");
  EXPECT_EQ(format_month(month_of(day_from_civil(1969, 12, 31))), "1969-12");
  EXPECT_EQ(format_month(month_of(day_from_civil(2024, 2, 29))), "2024-02");
}

}  // namespace
}  // namespace patron::analytics
