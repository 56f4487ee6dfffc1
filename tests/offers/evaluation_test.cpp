// The evaluation's definitions (../shared/spec/api.md) on a history small
// enough to score by hand.
#include <gtest/gtest.h>

#include "history_fixture.h"
#include "offers/evaluation.h"

namespace patron::offers {
namespace {

using testing::history_of;
using testing::item_of;
using testing::kSplitDay;

// Before the split x, y and z have two lines each; their latest purchases are
// x 2 days before, y the day before at 10:00, z the day before at 12:00, so
// popularity ranks z, y, x. A: x twice, y once. B: y and z together. C: z.
// On or after the split A buys x and w, B buys z and x, D (new) buys x.
PurchaseHistory hand_history() {
  return history_of({{"A", 3, 9, "x"}, {"A", 3, 9, "y"}, {"A", 2, 9, "x"},
                     {"B", 1, 10, "y"}, {"B", 1, 10, "z"}, {"C", 1, 12, "z"},
                     {"A", 0, 9, "x"}, {"A", 0, 9, "w"}, {"B", -1, 9, "z"}, {"B", -1, 9, "x"},
                     {"D", 0, 11, "x"}});
}

TEST(OffersEvaluation, PopularityTiesGoToTheMostRecentPurchaseThenTheSku) {
  const auto history = hand_history();
  const auto training = testing::training_of(history);
  const std::vector<std::uint32_t> expected{item_of(history, "z"), item_of(history, "y"), item_of(history, "x")};
  EXPECT_EQ(popularity_top(training, 3), expected);
  EXPECT_EQ(popularity_top(training, 10), expected);  // no more items sold before the split
}

TEST(OffersEvaluation, PersonalPopularityRanksOwnLinesWithTheSameTiesAndNoPadding) {
  const auto history = hand_history();
  const auto training = testing::training_of(history);
  using V = std::vector<std::uint32_t>;
  EXPECT_EQ(personal_popularity_top(training, testing::customer_of(history, "A"), 2),
            (V{item_of(history, "x"), item_of(history, "y")}));
  // y and z: one line each, bought together: the SKU decides.
  EXPECT_EQ(personal_popularity_top(training, testing::customer_of(history, "B"), 2),
            (V{item_of(history, "y"), item_of(history, "z")}));
  EXPECT_EQ(personal_popularity_top(training, testing::customer_of(history, "C"), 2), (V{item_of(history, "z")}));
  EXPECT_TRUE(personal_popularity_top(training, testing::customer_of(history, "D"), 2).empty());
}

TEST(OffersEvaluation, HitRateAndRecallByHand) {
  const auto result = evaluate(hand_history(), {kSplitDay, 2, {}});
  ASSERT_TRUE(result.ok()) << result.error().message;
  // A and B bought on both sides; C not after, D not before.
  EXPECT_EQ(result->customers_evaluated, 2u);
  EXPECT_EQ(result->k, 2u);
  // Popularity [z, y]: A {w, x} none; B {x, z} z -> hit 1/2, recall (0 + 1/2) / 2.
  EXPECT_DOUBLE_EQ(result->hit_rate.popularity, 0.5);
  EXPECT_DOUBLE_EQ(result->recall.popularity, 0.25);
  // Personal: A [x, y] finds x (1 of 2); B [y, z] finds z (1 of 2).
  EXPECT_DOUBLE_EQ(result->hit_rate.personal_popularity, 1.0);
  EXPECT_DOUBLE_EQ(result->recall.personal_popularity, 0.5);
}

TEST(OffersEvaluation, RefusesWhatCannotBeEvaluated) {
  EXPECT_EQ(evaluate(hand_history(), {kSplitDay, 0, {}}).error().code, ErrorCode::validation_failed);
  EXPECT_EQ(evaluate(hand_history(), {kSplitDay, kMaxEvaluationK + 1, {}}).error().code, ErrorCode::validation_failed);
  EXPECT_FALSE(evaluate(PurchaseHistory{}, {kSplitDay, 10, {}}).ok());
  const auto after_everything = evaluate(hand_history(), {kSplitDay + 10, 10, {}});
  ASSERT_FALSE(after_everything.ok());
  EXPECT_EQ(after_everything.error().field, "split");
}

}  // namespace
}  // namespace patron::offers
