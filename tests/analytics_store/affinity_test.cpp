// Affinity with recency decay, from purchase lines and behaviour events, and
// baskets from stored lines, on cases small enough to check by hand.
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

// Customer 0 bought 100 of category 0 today and 300 of category 1 one
// half-life ago (worth 150 now): an average line of (100 + 300) / 2 = 200.
// A wishlist of category 2 today adds 0.5 x 200 = 100; a view of category 1
// two half-lives ago adds 0.1 x 200 x 1/4 = 5. Total interest 355.
// Customer 1 bought nothing and only viewed category 0: their events are
// their own unit, so category 0 is all of their interest.
TEST(Affinity, EventsCountAFractionOfTheCustomersAverageLineDecayedByTheirAge) {
  const EventWeights weights;
  ASSERT_EQ(weights.wishlist, 0.5);
  ASSERT_EQ(weights.view, 0.1);
  TransactionColumns purchases;
  purchases.push_back(0, 1000, 100);
  purchases.push_back(0, 910, 300);
  LineColumns lines;
  lines.push_back(0, 0, 100);
  lines.push_back(1, 1, 300);
  const std::vector<std::uint32_t> category{0, 1};
  EventColumns events(1);
  events.push_back(0, 1000, static_cast<float>(weights.wishlist), {2});
  events.push_back(0, 820, static_cast<float>(weights.view), {1});
  events.push_back(1, 1000, static_cast<float>(weights.view), {0});
  const auto table = compute_affinity(purchases, lines, category, 3, 2, {1000, 90.0, 3, 1}, events);
  ASSERT_EQ(table.size(), 4u);
  EXPECT_EQ(table.attribute, (std::vector<std::uint32_t>{1, 0, 2, 0}));
  EXPECT_EQ(table.customer_index, (std::vector<std::uint32_t>{0, 0, 0, 1}));
  EXPECT_NEAR(table.score[0], 155.0 / 355.0, 1e-6);
  EXPECT_NEAR(table.score[1], 100.0 / 355.0, 1e-9);  // a tie with the wishlist: lower attribute first
  EXPECT_NEAR(table.score[2], 100.0 / 355.0, 1e-9);
  EXPECT_DOUBLE_EQ(table.score[3], 1.0);
}

TEST(Affinity, AnEventWithoutAnAttributeOnlyDilutesAndAReturnedLineIsNotListed) {
  TransactionColumns purchases;
  purchases.push_back(0, 10, 100);
  LineColumns lines;
  lines.push_back(0, 0, 100);
  lines.push_back(0, 1, 0);  // returned in full
  const std::vector<std::uint32_t> category{0, 1};
  EventColumns events(1);
  events.push_back(0, 10, 1.0f, {kNoAttribute});  // the unit: the one positive line, 100
  const auto table = compute_affinity(purchases, lines, category, 2, 1, {10, 30.0, 3, 1}, events);
  ASSERT_EQ(table.size(), 1u);
  EXPECT_EQ(table.attribute[0], 0u);
  EXPECT_NEAR(table.score[0], 0.5, 1e-12);
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
