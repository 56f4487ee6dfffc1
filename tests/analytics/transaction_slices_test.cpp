// Reading a large purchases file in slices on several threads gives exactly
// what one pass gives: the same ids in the same order, the same purchases
// (none split at a slice boundary) and the same report.
#include <gtest/gtest.h>

#include <sstream>

#include "analytics/table_builder.h"
#include "analytics/transaction_file.h"

namespace patron::analytics {
namespace {

struct OnePass {
  TransactionTable table;
  ReadReport report;
};

OnePass one_pass(const std::string& text, TransactionFormat format) {
  std::istringstream input(text);
  PurchaseLineReader reader(input, format);
  detail::TableBuilder builder;
  OnePass out;
  PurchaseLine line;
  while (reader.next(line, out.report)) builder.add(line);
  out.table = builder.finish();
  return out;
}

// About 4 MB: every purchase has three lines, so any cut risks splitting one;
// a bad line now and then, in both halves.
std::string generic_file() {
  std::string text = "customer_id,occurred_at,sku,quantity,unit_price_minor\n";
  for (int purchase = 0; purchase < 30'000; ++purchase) {
    const std::string customer = "c" + std::to_string(purchase * 7919 % 4000);
    const std::string when = "2024-0" + std::to_string(1 + purchase % 9) + "-1" + std::to_string(purchase % 10) +
                             "T10:" + std::to_string(10 + purchase % 50) + ":00";
    for (int line = 0; line < 3; ++line) {
      text += customer + "," + when + ",SKU-" + std::to_string(line) + "," + std::to_string(1 + line) + ",1" +
              std::to_string(purchase % 90) + "\n";
    }
    if (purchase % 9000 == 4500) text += "broken line without fields\n";
  }
  return text;
}

TEST(TransactionSlices, ASlicedReadEqualsOnePass) {
  const std::string text = generic_file();
  ASSERT_GT(text.size(), std::size_t{3} << 20);  // large enough for one slice per core
  const OnePass expected = one_pass(text, TransactionFormat::generic);
  std::istringstream input(text);
  ReadReport report;
  const auto table = read_transactions(input, TransactionFormat::generic, report);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->customer_ids, expected.table.customer_ids);
  EXPECT_EQ(table->purchases.customer_index, expected.table.purchases.customer_index);
  EXPECT_EQ(table->purchases.day, expected.table.purchases.day);
  EXPECT_EQ(table->purchases.amount_minor, expected.table.purchases.amount_minor);
  EXPECT_EQ(table->purchases.size(), 30'000u);  // three lines each, never split
  EXPECT_EQ(report.lines, expected.report.lines);
  EXPECT_EQ(report.accepted, expected.report.accepted);
  EXPECT_EQ(report.rejected, expected.report.rejected);
  EXPECT_EQ(report.examples, expected.report.examples);  // line numbers of the whole file
  EXPECT_EQ(report.rejected_total(), 3u);  // purchases 4500, 13500 and 22500
}

TEST(TransactionSlices, SamePurchaseNeedsTheSameCustomerAndKey) {
  const auto generic = TransactionFormat::generic;
  EXPECT_TRUE(detail::same_purchase(generic, "c1,2024-01-01T10:00:00,A,1,100", "c1,2024-01-01T10:00:00,B,2,50"));
  EXPECT_FALSE(detail::same_purchase(generic, "c1,2024-01-01T10:00:00,A,1,100", "c2,2024-01-01T10:00:00,B,2,50"));
  EXPECT_FALSE(detail::same_purchase(generic, "c1,2024-01-01T10:00:00,A,1,100", "c1,2024-01-01T10:00:01,B,2,50"));
  EXPECT_FALSE(detail::same_purchase(TransactionFormat::cdnow, " 1 19970101 1 11.77", " 1 19970101 1 11.77"));
}

}  // namespace
}  // namespace patron::analytics
