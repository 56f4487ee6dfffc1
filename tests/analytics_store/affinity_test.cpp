// Affinity with recency decay and baskets from stored lines, on cases small
// enough to check by hand.
#include <gtest/gtest.h>

#include "analytics/affinity.h"
#include "analytics/baskets.h"

namespace patron::analytics {
namespace {

TEST(Affinity, RecentSpendOutweighsOldSpendByTheHalfLife) {
  // Customer 0: 100 on category 0 today, 100 on category 1 one half-life ago.
  TransactionColumns purchases;
  purchases.push_back(0, 1000, 100);
  purchases.push_back(0, 1090, 100);
  purchases.push_back(1, 1090, 50);
  LineColumns lines;
  lines.push_back(0, 1, 100);  // item 1 -> category 1, 90 days old
  lines.push_back(1, 0, 100);  // item 0 -> category 0, today
  lines.push_back(2, 2, 50);   // item 2 -> no category
  const std::vector<std::uint32_t> category{0, 1, kNoAttribute};
  const auto table = compute_affinity(purchases, lines, category, 2, 2, {1090, 90.0, 3, 1});
  ASSERT_EQ(table.size(), 2u);  // customer 1 bought nothing with a category
  EXPECT_EQ(table.customer_index[0], 0u);
  EXPECT_EQ(table.attribute[0], 0u);
  EXPECT_NEAR(table.score[0], 100.0 / 150.0, 1e-12);
  EXPECT_EQ(table.rank[1], 2);
  EXPECT_EQ(table.attribute[1], 1u);
  EXPECT_NEAR(table.score[1], 50.0 / 150.0, 1e-12);
}

TEST(Affinity, KeepsTopKPerCustomerAndSharesOneGroupingAcrossMaps) {
  TransactionColumns purchases;
  LineColumns lines;
  for (std::uint32_t item = 0; item < 5; ++item) {
    purchases.push_back(0, 10, 10 * (item + 1));
    lines.push_back(item, item, 10 * (item + 1));
  }
  const std::vector<std::uint32_t> own{0, 1, 2, 3, 4}, pairs{0, 0, 1, 1, 2};
  const auto tables = compute_affinities(purchases, lines, {{&own, 5}, {&pairs, 3}}, 1, {10, 30.0, 2, 1});
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].attribute, (std::vector<std::uint32_t>{4, 3}));
  EXPECT_EQ(tables[1].attribute, (std::vector<std::uint32_t>{1, 2}));  // 30+40 > 50 > 10+20
}

TEST(Baskets, FromLinesGroupsRunsOfOnePurchaseAndDropsRepeats) {
  const std::vector<std::uint32_t> row{0, 0, 0, 2, 2, 5};
  const std::vector<std::uint32_t> item{1, 0, 1, 2, 0, 1};
  const Baskets baskets = baskets_from_lines(row, item, {"a", "b", "c"});
  ASSERT_EQ(baskets.size(), 3u);
  EXPECT_EQ(baskets.offset, (std::vector<std::uint32_t>{0, 2, 4, 5}));
  EXPECT_EQ(baskets.items, (std::vector<std::uint32_t>{1, 0, 2, 0, 1}));
}

}  // namespace
}  // namespace patron::analytics
