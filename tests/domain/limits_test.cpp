// The named bounds on money and points, and the checked arithmetic under them.
#include <gtest/gtest.h>

#include <limits>

#include "domain/checked.h"
#include "domain/limits.h"

namespace patron {
namespace {

constexpr auto int64_max = std::numeric_limits<std::int64_t>::max();

TEST(CheckedArithmetic, ReportsOverflowInsteadOfWrapping) {
  EXPECT_EQ(checked_add(1, 2), std::optional<std::int64_t>(3));
  EXPECT_FALSE(checked_add(int64_max, 1));
  EXPECT_FALSE(checked_sub(std::numeric_limits<std::int64_t>::min(), 1));
  EXPECT_FALSE(checked_mul(100'000, 100'000'000'000'000));
  EXPECT_EQ(checked_mul(100'000, 100'000'000'000), std::optional<std::int64_t>(10'000'000'000'000'000));
}

TEST(Limits, TheIssueAttackLineIsRefusedWithLimitExceeded) {
  // 500 lines of quantity 100,000 at 1e11 minor units: 5e18, which wrapped a balance before.
  std::vector<PricedLine> lines(500, PricedLine{"SKU", "cat", 100'000, 100'000'000'000});
  auto total = bounded_purchase_total(lines, ProgramLimits{});
  ASSERT_FALSE(total.ok());
  EXPECT_EQ(total.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(total.error().field, "lines[0]");
}

TEST(Limits, APurchaseAtItsLimitPassesAndOneMinorUnitMoreDoesNot) {
  ProgramLimits limits;
  limits.max_line_total_minor = 1'000;
  limits.max_purchase_total_minor = 1'500;
  EXPECT_EQ(*bounded_purchase_total({{"A", "c", 10, 100}, {"B", "c", 5, 100}}, limits), 1'500);
  auto over = bounded_purchase_total({{"A", "c", 10, 100}, {"B", "c", 5, 100}, {"C", "c", 1, 1}}, limits);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(over.error().field, "lines");
  auto line_over = bounded_purchase_total({{"A", "c", 1, 1'001}}, limits);
  ASSERT_FALSE(line_over.ok());
  EXPECT_EQ(line_over.error().field, "lines[0]");
}

TEST(Limits, BalanceStaysWithinItsBoundBothWays) {
  ProgramLimits limits;
  limits.max_points_per_transaction = 100;
  limits.max_points_balance = 1'000;
  EXPECT_EQ(*bounded_balance_after(900, 100, limits, "points"), 1'000);
  EXPECT_EQ(bounded_balance_after(901, 100, limits, "points").error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(bounded_balance_after(0, 101, limits, "points").error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(*bounded_balance_after(-900, -100, limits, "points"), -1'000);
  EXPECT_EQ(bounded_balance_after(-901, -100, limits, "points").error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(bounded_balance_after(int64_max, 1, limits, "points").error().code, ErrorCode::limit_exceeded);
}

TEST(Limits, ConfiguredLimitsMustLieUnderTheCeilings) {
  EXPECT_TRUE(validate_limits(ProgramLimits{}).ok());
  ProgramLimits too_big;
  too_big.max_points_balance = ceiling_points_balance + 1;
  EXPECT_FALSE(validate_limits(too_big).ok());
  ProgramLimits line_over_purchase;
  line_over_purchase.max_line_total_minor = line_over_purchase.max_purchase_total_minor + 1;
  EXPECT_FALSE(validate_limits(line_over_purchase).ok());
}

TEST(Earning, HostileAmountsSaturateInsteadOfWrappingNegative) {
  EarningRule base;
  base.id = "r1";
  base.kind = EarningRuleKind::base_rate;
  base.rate_milli = max_rate_milli;
  PurchaseFacts facts;
  facts.currency = "JPY";
  facts.lines.assign(500, PricedLine{"SKU", "cat", 100'000, 100'000'000'000});
  const auto earned = compute_points(facts, {base});
  EXPECT_EQ(earned.points, int64_max);
  EXPECT_EQ(purchase_total_minor(facts.lines), 5'000'000'000'000'000'000);  // still fits
  const std::vector<PricedLine> beyond(500, PricedLine{"SKU", "cat", 100'000, 1'000'000'000'000});
  EXPECT_EQ(purchase_total_minor(beyond), int64_max);
}

}  // namespace
}  // namespace patron
