// The recommender's signals one at a time, on histories scored by hand
// (formulas in src/offers/recommender.h).
#include <gtest/gtest.h>

#include <algorithm>

#include "history_fixture.h"
#include "offers/recommender.h"

namespace patron::offers {
namespace {

using testing::history_of;
using testing::kSplitDay;
using testing::Line;

// A recommender trained on the lines of its history before the split day,
// asked about customers and items by their names.
struct TrainedRecommender {
  TrainedRecommender(PurchaseHistory lines, RecommenderWeights weights)
      : history(std::move(lines)), training(testing::training_of(history)), engine(history, training, weights) {}

  std::vector<std::uint32_t> recommend(const std::string& customer, std::size_t k) const {
    return engine.recommend(testing::customer_of(history, customer), k);
  }
  double repeat_propensity(const std::string& customer) const {
    return engine.repeat_propensity(testing::customer_of(history, customer));
  }
  std::uint32_t item(const std::string& sku) const { return testing::item_of(history, sku); }

  PurchaseHistory history;
  TrainingHistory training;
  Recommender engine;
};

TEST(Recommender, RepeatPropensityIsShrunkTowardTheShopsShare) {
  // Y: {d}, {d, e}, {f}: d re-bought once; 3 item-baskets after the first.
  // Z: {d}, {g}: no repeat, 1 item-basket after the first. Shop share 1/4.
  auto history = history_of(
      {{"Y", 5, 9, "d"}, {"Y", 4, 9, "d"}, {"Y", 4, 9, "e"}, {"Y", 3, 9, "f"}, {"Z", 5, 10, "d"}, {"Z", 2, 10, "g"}});
  const TrainedRecommender engine(std::move(history), {.repeat_prior = 5.0});
  EXPECT_DOUBLE_EQ(engine.repeat_propensity("Y"), (1 + 5 * 0.25) / (3 + 5.0));
  EXPECT_DOUBLE_EQ(engine.repeat_propensity("Z"), (0 + 5 * 0.25) / (1 + 5.0));
}

// Five customers buy a and b together, eight buy c alone, X bought a. With no
// repeats anywhere rho = 0; 19 item-baskets, P(a) = 6/19, P(b) = 5/19, P(c) = 8/19.
// assoc_X(b) = 5/(6+5) + kappa P(b), kappa = 5/(6+5): b scores
// 0.5 (5/11 + 5/11 * 5/19) + 0.15 * 5/19 = 0.326 against c's
// 0.5 (5/11 * 8/19) + 0.15 * 8/19 = 0.159 and a's 0.119.
TEST(Recommender, ACoPurchasedItemBeatsTheBestSeller) {
  const char* pair_buyers[] = {"P1", "P2", "P3", "P4", "P5"};
  const char* single_buyers[] = {"S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"};
  PurchaseHistoryBuilder builder;
  for (const char* c : pair_buyers) {
    ASSERT_TRUE(builder.add_line(c, start_of_day(kSplitDay - 3), "1", "a").ok());
    ASSERT_TRUE(builder.add_line(c, start_of_day(kSplitDay - 3), "1", "b").ok());
  }
  for (const char* c : single_buyers) ASSERT_TRUE(builder.add_line(c, start_of_day(kSplitDay - 2), "1", "c").ok());
  ASSERT_TRUE(builder.add_line("X", start_of_day(kSplitDay - 1), "1", "a").ok());
  const TrainedRecommender engine(builder.finish(),
                                  {.association = 0.5, .popularity = 0.15, .association_shrinkage = 5.0});
  EXPECT_EQ(engine.recommend("X", 3),
            (std::vector<std::uint32_t>{engine.item("b"), engine.item("c"), engine.item("a")}));
  EXPECT_EQ(engine.repeat_propensity("X"), 0.0);
}

// U bought tea t1 only; tea t2 sells 3, coffee c1 sells 6. With the category
// and popularity signals alone (weights 1 and 1): c1 = 0.6, t2 = 0.3 + 1 * 3/4.
TEST(Recommender, TheCustomersCategoryOutweighsAGlobalBestSeller) {
  const auto lines = {Line{"P1", 3, 9, "c1"}, Line{"P2", 3, 9, "c1"}, Line{"P3", 3, 9, "c1"}, Line{"P4", 3, 9, "c1"},
                      Line{"P5", 3, 9, "c1"}, Line{"P6", 3, 9, "c1"}, Line{"Q1", 2, 9, "t2"}, Line{"Q2", 2, 9, "t2"},
                      Line{"Q3", 2, 9, "t2"}, Line{"U", 1, 9, "t1"}};
  const TrainedRecommender engine(history_of(lines, {{"c1", "coffee", ""}, {"t1", "tea", ""}, {"t2", "tea", ""}}),
                                  {.association = 0.0, .category = 1.0, .brand = 0.0, .popularity = 1.0});
  EXPECT_EQ(engine.recommend("U", 2), (std::vector<std::uint32_t>{engine.item("t2"), engine.item("c1")}));
}

TEST(Recommender, ACustomerWhoAlwaysRebuysGetsTheirOwnItemsFirst) {
  // R re-buys r in every basket; everyone else buys the best seller p once.
  auto history = history_of({{"R", 5, 9, "r"}, {"R", 4, 9, "r"}, {"R", 3, 9, "r"}, {"O1", 5, 10, "p"},
                             {"O2", 4, 10, "p"}, {"O3", 3, 10, "p"}, {"O4", 2, 10, "p"}});
  const TrainedRecommender engine(std::move(history), RecommenderWeights{});
  const auto top = engine.recommend("R", 1);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0], engine.item("r"));
}

TEST(Recommender, NeverMoreThanAskedNorTheSameItemTwice) {
  const TrainedRecommender engine(history_of({{"A", 3, 9, "x"}, {"A", 3, 9, "y"}, {"B", 2, 9, "y"}, {"B", 2, 9, "z"}}),
                                  RecommenderWeights{});
  EXPECT_EQ(engine.recommend("A", 2).size(), 2u);
  auto all = engine.recommend("A", kMaxRecommendations + 5);
  EXPECT_EQ(all.size(), 3u);
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::unique(all.begin(), all.end()), all.end());
}

}  // namespace
}  // namespace patron::offers
