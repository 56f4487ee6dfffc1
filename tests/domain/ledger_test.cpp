#include <gtest/gtest.h>

#include <numeric>

#include "domain/ledger.h"

namespace patron {
namespace {

constexpr std::int64_t day = 86'400;
constexpr std::int64_t t0 = 1'700'000'000;

Points sum(const std::vector<LotConsumption>& consumed) {
  return std::accumulate(consumed.begin(), consumed.end(), Points{0},
                         [](Points acc, const LotConsumption& c) { return acc + c.points; });
}

TEST(Ledger, RedemptionConsumesOldestLotsFirst) {
  std::vector<PointLot> lots = {{"new", 100, t0 + 10 * day, t0 + 400 * day}, {"old", 50, t0, t0 + 365 * day}};
  auto plan = plan_redemption(150, lots, 80);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->consumed.size(), 2u);
  EXPECT_EQ(plan->consumed[0].lot_id, "old");
  EXPECT_EQ(plan->consumed[0].points, 50);
  EXPECT_EQ(plan->consumed[1].lot_id, "new");
  EXPECT_EQ(plan->consumed[1].points, 30);
  EXPECT_EQ(plan->balance_after, 70);
}

TEST(Ledger, RedemptionNeverGoesBelowZero) {
  auto plan = plan_redemption(79, {{"a", 79, t0, t0 + day}}, 80);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, ErrorCode::insufficient_points);
  EXPECT_TRUE(plan_redemption(80, {{"a", 80, t0, t0 + day}}, 80).ok());
}

TEST(Ledger, ExpiryTakesOnlyTheUnconsumedRestOfExpiredLots) {
  std::vector<PointLot> lots = {{"a", 30, t0, t0 + 365 * day}, {"b", 100, t0 + day, t0 + 366 * day}};
  auto plan = plan_expiry(130, lots, t0 + 365 * day);
  ASSERT_EQ(plan.expired.size(), 1u);
  EXPECT_EQ(plan.expired[0].lot_id, "a");
  EXPECT_EQ(plan.points, 30);
  EXPECT_EQ(plan.balance_after, 100);
  auto none = plan_expiry(130, lots, t0 + 365 * day - 1);
  EXPECT_EQ(none.points, 0);
}

TEST(Ledger, LotsSpanningExpiryAfterPartialRedemption) {
  // 100 earned, 70 redeemed from it, then it expires: only 30 expire.
  std::vector<PointLot> lots = {{"a", 100, t0, t0 + 365 * day}};
  auto redeemed = plan_redemption(100, lots, 70);
  ASSERT_TRUE(redeemed.ok());
  lots[0].remaining -= redeemed->consumed[0].points;
  auto expired = plan_expiry(redeemed->balance_after, lots, t0 + 400 * day);
  EXPECT_EQ(expired.points, 30);
  EXPECT_EQ(expired.balance_after, 0);
}

TEST(Ledger, ReversalPrefersTheOriginatingLotAndMayGoNegative) {
  std::vector<PointLot> lots = {{"old", 20, t0, t0 + 300 * day}, {"purchase", 10, t0 + day, t0 + 365 * day}};
  auto plan = plan_reversal(30, lots, 50, "purchase");
  ASSERT_EQ(plan.consumed.size(), 2u);
  EXPECT_EQ(plan.consumed[0].lot_id, "purchase");
  EXPECT_EQ(plan.consumed[0].points, 10);
  EXPECT_EQ(plan.consumed[1].lot_id, "old");
  EXPECT_EQ(sum(plan.consumed), 30);
  EXPECT_EQ(plan.balance_after, -20);
}

TEST(Ledger, CreditRepaysDebtBeforeOpeningALot) {
  auto plan = plan_credit(-20, 50);
  EXPECT_EQ(plan.balance_after, 30);
  EXPECT_EQ(plan.lot_points, 30);
  auto still_negative = plan_credit(-20, 5);
  EXPECT_EQ(still_negative.balance_after, -15);
  EXPECT_EQ(still_negative.lot_points, 0);
  EXPECT_EQ(plan_credit(10, 5).lot_points, 5);
}

struct ReturnCase {
  Points earned;
  MinorUnits total, before, now;
  Points expected;
};

class ProportionalReturn : public ::testing::TestWithParam<ReturnCase> {};

TEST_P(ProportionalReturn, ReversesInProportionToReturnedValue) {
  const auto& c = GetParam();
  EXPECT_EQ(points_to_reverse(c.earned, c.total, c.before, c.now), c.expected);
}

INSTANTIATE_TEST_SUITE_P(Returns, ProportionalReturn,
                         ::testing::Values(ReturnCase{100, 1000, 0, 1000, 100},  // full return
                                           ReturnCase{100, 1000, 0, 500, 50},    // half
                                           ReturnCase{10, 3000, 0, 1000, 3},     // floor of 3.33
                                           ReturnCase{10, 3000, 1000, 1000, 3},  // 6 - 3
                                           ReturnCase{10, 3000, 2000, 1000, 4},  // the rest: 10 - 6
                                           ReturnCase{0, 1000, 0, 1000, 0},
                                           ReturnCase{100, 1000, 0, 5000, 100}));  // capped at the total

TEST(Ledger, AddMonthsClampsToMonthEnd) {
  // 2024-01-31T12:00:00Z + 1 month = 2024-02-29T12:00:00Z (leap year).
  EXPECT_EQ(add_months(1'706'702'400, 1), 1'709'208'000);
  // 2023-03-15T00:00:00Z + 12 months = 2024-03-15T00:00:00Z.
  EXPECT_EQ(add_months(1'678'838'400, 12), 1'710'460'800);
}

TEST(Ledger, ParsesEveryKindBack) {
  for (auto kind : {LedgerKind::earn, LedgerKind::redeem, LedgerKind::expire, LedgerKind::reverse,
                    LedgerKind::adjust, LedgerKind::bonus}) {
    EXPECT_EQ(parse_ledger_kind(to_string(kind)), kind);
  }
  EXPECT_FALSE(parse_ledger_kind("gift").has_value());
}

}  // namespace
}  // namespace patron

// The ledger's invariants stay on in release builds (this suite is built with
// NDEBUG): a plan asked for nonsense stops the process instead of writing it.
TEST(LedgerInvariantsDeathTest, StayOnInReleaseBuilds) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH((void)patron::plan_redemption(100, {}, 0), "invariant failed: points > 0");
  EXPECT_DEATH((void)patron::plan_credit(100, -5), "invariant failed: points > 0");
  EXPECT_DEATH((void)patron::plan_reversal(100, {}, -1, ""), "invariant failed: points >= 0");
}
