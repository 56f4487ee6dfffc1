#include <gtest/gtest.h>

#include "domain/tiers.h"

namespace patron {
namespace {

std::vector<Tier> program() {
  return sorted_by_threshold({{"gold", "Gold", 100'000, 1500}, {"bronze", "Bronze", 0, 1000},
                              {"silver", "Silver", 50'000, 1250}});
}

TEST(Tiers, SortsByThreshold) {
  auto tiers = program();
  EXPECT_EQ(tiers[0].code, "bronze");
  EXPECT_EQ(tiers[2].code, "gold");
}

struct BoundaryCase {
  MinorUnits spend;
  const char* expected;
};

class TierBoundary : public ::testing::TestWithParam<BoundaryCase> {};

TEST_P(TierBoundary, EarnedTierAtExactThresholds) {
  EXPECT_EQ(tier_earned_by(program(), GetParam().spend)->code, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Boundaries, TierBoundary,
                         ::testing::Values(BoundaryCase{0, "bronze"}, BoundaryCase{49'999, "bronze"},
                                           BoundaryCase{50'000, "silver"}, BoundaryCase{99'999, "silver"},
                                           BoundaryCase{100'000, "gold"}, BoundaryCase{10'000'000, "gold"}));

TEST(Tiers, PurchaseUpgradesAtOnceButNeverDowngrades) {
  EXPECT_EQ(tier_after_purchase(program(), "bronze", 50'000)->code, "silver");
  EXPECT_EQ(tier_after_purchase(program(), "gold", 10)->code, "gold");
  EXPECT_EQ(tier_after_purchase(program(), "unknown", 10)->code, "bronze");
}

TEST(Tiers, OnlyTheTopTierCannotUpgrade) {
  const auto tiers = program();
  EXPECT_TRUE(can_upgrade(tiers, "bronze"));
  EXPECT_TRUE(can_upgrade(tiers, "silver"));
  EXPECT_FALSE(can_upgrade(tiers, "gold"));
  EXPECT_TRUE(can_upgrade(tiers, "retired-tier")) << "an unknown tier is re-evaluated";
  EXPECT_FALSE(can_upgrade({}, "bronze")) << "no tiers, nothing to reach";
  // At the top the spend does not matter: the tier stays whatever it is.
  EXPECT_EQ(tier_after_purchase(tiers, "gold", 0)->code, "gold");
}

TEST(Tiers, AnniversaryMayDowngrade) {
  EXPECT_EQ(tier_at_anniversary(program(), 60'000)->code, "silver");
  EXPECT_EQ(tier_at_anniversary(program(), 0)->code, "bronze");
}

TEST(Tiers, ProgressTowardsNextTier) {
  auto progress = progress_towards_next(program(), "bronze", 20'000);
  ASSERT_TRUE(progress.next_tier.has_value());
  EXPECT_EQ(progress.next_tier->code, "silver");
  EXPECT_EQ(progress.remaining_spend_minor, 30'000);
  auto top = progress_towards_next(program(), "gold", 500'000);
  EXPECT_FALSE(top.next_tier.has_value());
  EXPECT_EQ(top.remaining_spend_minor, 0);
  // Kept in silver by the no-downgrade rule while spend fell: remaining to gold.
  auto kept = progress_towards_next(program(), "silver", 1'000);
  EXPECT_EQ(kept.next_tier->code, "gold");
  EXPECT_EQ(kept.remaining_spend_minor, 99'000);
}

TEST(Tiers, NoTiersConfigured) {
  EXPECT_FALSE(tier_earned_by({}, 100).has_value());
  EXPECT_FALSE(progress_towards_next({}, "", 100).next_tier.has_value());
}

}  // namespace
}  // namespace patron
