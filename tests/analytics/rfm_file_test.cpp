// `analyze rfm` streams a small file straight into per-customer totals; they
// must equal the totals of the purchase table read_transactions builds: the
// same customers in the same order, purchases merged alike, the same report.
#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <sstream>

#include "analytics/rfm_file.h"
#include "analytics/transaction_file.h"
#include "test_data.h"

namespace patron::analytics {
namespace {

using testing::shared_data;

std::string file_text(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  std::stringstream text;
  text << input.rdbuf();
  return text.str();
}

void expect_streamed_equals_table(const std::string& text, TransactionFormat format) {
  ReadReport table_report, streamed_report;
  const auto table = read_transactions(std::string_view(text), format, table_report);
  const auto streamed = read_rfm_totals(text, format, streamed_report);
  ASSERT_TRUE(table.ok());
  ASSERT_TRUE(streamed.ok());
  ASSERT_EQ(streamed->ids.size(), table->customer_ids.size());
  for (std::size_t c = 0; c < streamed->ids.size(); ++c) ASSERT_EQ(streamed->ids[c], table->customer_ids[c]) << c;
  const auto totals = total_rfm(table->purchases, table->customer_count(), 1);
  ASSERT_EQ(streamed->totals.size(), totals.size());
  for (std::size_t c = 0; c < totals.size(); ++c) {
    EXPECT_EQ(streamed->totals[c].last_day, totals[c].last_day) << streamed->ids[c];
    EXPECT_EQ(streamed->totals[c].count, totals[c].count) << streamed->ids[c];
    EXPECT_EQ(streamed->totals[c].spend_minor, totals[c].spend_minor) << streamed->ids[c];
  }
  EXPECT_EQ(streamed->last_day + 1, day_after_last_purchase(table->purchases));
  EXPECT_EQ(streamed_report.lines, table_report.lines);
  EXPECT_EQ(streamed_report.rejected, table_report.rejected);
  const auto a = score_rfm(streamed->totals, {streamed->last_day + 1, 1});
  const auto b = compute_rfm(table->purchases, table->customer_count(), {streamed->last_day + 1, 1});
  EXPECT_EQ(a.r_score, b.r_score);
  EXPECT_EQ(a.f_score, b.f_score);
  EXPECT_EQ(a.m_score, b.m_score);
}

TEST(RfmFile, CdnowStreamedEqualsTheTable) {
  expect_streamed_equals_table(file_text(shared_data("cdnow/CDNOW_master.txt")), TransactionFormat::cdnow);
}

TEST(RfmFile, OnlineRetailInvoicesAreMergedAsInTheTable) {
  const std::string text = file_text(shared_data("online-retail/online-retail-2010-12-sample.csv"));
  expect_streamed_equals_table(text, TransactionFormat::online_retail);
}

// Quoted ids are unquoted in the reader's scratch buffer, which the next line
// overwrites: the streamed ids must still read right at the end.
TEST(RfmFile, QuotedIdsOutliveTheLineTheyWereReadFrom) {
  const std::string text =
      "customer_id,occurred_at,sku,quantity,unit_price_minor\n"
      "\"a,1\",2024-01-02,S,1,100\n"
      "\"b\"\"2\",2024-01-03,S,2,50\n"
      "plain,2024-01-04,S,1,10\n"
      "\"a,1\",2024-01-05,S,1,100\n";
  ReadReport report;
  const auto streamed = read_rfm_totals(text, TransactionFormat::generic, report);
  ASSERT_TRUE(streamed.ok());
  ASSERT_EQ(streamed->ids, (std::vector<std::string_view>{"a,1", "b\"2", "plain"}));
  EXPECT_EQ(streamed->totals[0].count, 2u);
  EXPECT_EQ(streamed->totals[0].spend_minor, 200);
  expect_streamed_equals_table(text, TransactionFormat::generic);
}

TEST(RfmFile, CentsAreExactAndOtherNumbersStillRead) {
  const std::string text =
      "1 19970101 1 11.77\n2 19970102 1 0.1\n3 19970103 2 "
      "5\n4 19970104 1 2.125\n5 19970105 1 -1\n";
  ReadReport report;
  const auto streamed = read_rfm_totals(text, TransactionFormat::cdnow, report);
  ASSERT_TRUE(streamed.ok());
  std::vector<std::int64_t> spends;
  for (const auto& customer : streamed->totals) spends.push_back(customer.spend_minor);
  EXPECT_EQ(spends, (std::vector<std::int64_t>{1177, 10, 500, 213}));  // 2.125 rounded once, as before
  EXPECT_EQ(report.rejected.at("bad dollar value"), 1u);
}

// Hostile magnitudes: a generic line whose quantity and price are each within
// bounds but whose product is not is refused, and a customer's spend summed
// from the largest prices saturates instead of wrapping negative.
TEST(RfmFile, HugeAmountsAreRefusedOrSaturateNeverWrap) {
  ReadReport report;
  const auto product = read_rfm_totals(
      "customer_id,occurred_at,sku,quantity,unit_price_minor\n"
      "a,2024-01-02,S,1000000000,1000000000000\n"
      "a,2024-01-03,S,1,100\n",
      TransactionFormat::generic, report);
  ASSERT_TRUE(product.ok());
  EXPECT_EQ(report.rejected.at("quantity or price out of range"), 1u);
  EXPECT_EQ(product->totals.at(0).spend_minor, 100);

  std::string text;
  for (int line = 0; line < 100; ++line) text += "7 19970101 1 999999999999999.99\n";
  ReadReport huge_report;
  const auto huge = read_rfm_totals(text, TransactionFormat::cdnow, huge_report);
  ASSERT_TRUE(huge.ok());
  EXPECT_EQ(huge->totals.at(0).spend_minor, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(huge->purchases, 100u);
  std::istringstream input(text);
  ReadReport table_report;
  const auto table = read_transactions(input, TransactionFormat::cdnow, table_report);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(total_rfm(table->purchases, table->customer_count(), 1).at(0).spend_minor,
            std::numeric_limits<std::int64_t>::max());
}

}  // namespace
}  // namespace patron::analytics
