#include <gtest/gtest.h>

#include "domain/earning.h"

namespace patron {
namespace {

EarningRule base(std::int64_t rate_milli) {
  EarningRule rule;
  rule.id = "base";
  rule.kind = EarningRuleKind::base_rate;
  rule.rate_milli = rate_milli;
  return rule;
}

EarningRule targeted(std::string id, EarningRuleKind kind, std::string target, std::int64_t multiplier_permille,
                     Points bonus) {
  EarningRule rule;
  rule.id = std::move(id);
  rule.kind = kind;
  rule.target = std::move(target);
  rule.multiplier_permille = multiplier_permille;
  rule.bonus_points = bonus;
  return rule;
}

PurchaseFacts purchase(std::vector<PricedLine> lines, std::string currency = "USD") {
  PurchaseFacts facts;
  facts.store_id = "s1";
  facts.currency = std::move(currency);
  facts.occurred_at = 1'700'000'000;
  facts.lines = std::move(lines);
  return facts;
}

Points sum_applied(const EarningResult& result) {
  Points sum = 0;
  for (const auto& a : result.applied) sum += a.points;
  return sum;
}

struct EarningCase {
  const char* name;
  std::vector<PricedLine> lines;
  std::string currency;
  std::vector<EarningRule> rules;
  std::int64_t tier_multiplier_permille;
  Points expected;
};

class EarningTable : public ::testing::TestWithParam<EarningCase> {};

TEST_P(EarningTable, ComputesPointsAndAllocatesThemExactly) {
  const auto& c = GetParam();
  auto facts = purchase(c.lines, c.currency);
  facts.tier_multiplier_permille = c.tier_multiplier_permille;
  facts.tier_code = "gold";
  const auto result = compute_points(facts, c.rules);
  EXPECT_EQ(result.points, c.expected) << c.name;
  EXPECT_EQ(sum_applied(result), result.points) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, EarningTable,
    ::testing::Values(
        EarningCase{"one point per dollar", {{"A", "food", 1, 1000}}, "USD", {base(1000)}, 1000, 10},
        EarningCase{"floors once per transaction, not per line",
                    {{"A", "food", 1, 150}, {"B", "food", 1, 150}}, "USD", {base(1000)}, 1000, 3},
        EarningCase{"no rules earns nothing", {{"A", "food", 2, 999}}, "USD", {}, 1000, 0},
        EarningCase{"zero-decimal currency", {{"A", "food", 1, 1500}}, "JPY", {base(10)}, 1000, 15},
        EarningCase{"category double points",
                    {{"A", "coffee", 1, 1000}, {"B", "food", 1, 1000}}, "USD",
                    {base(1000), targeted("m", EarningRuleKind::category_multiplier, "coffee", 2000, 0)}, 1000, 30},
        EarningCase{"sku fixed bonus per unit", {{"A", "food", 3, 100}}, "USD",
                    {base(1000), targeted("b", EarningRuleKind::sku_bonus, "A", 1000, 5)}, 1000, 18},
        EarningCase{"tier multiplies rate points but not fixed bonuses", {{"A", "food", 1, 1000}}, "USD",
                    {base(1000), targeted("b", EarningRuleKind::sku_bonus, "A", 1000, 5)}, 1500, 20},
        EarningCase{"fractional rate", {{"A", "food", 1, 333}}, "USD", {base(1500)}, 1000, 4}),
    [](const auto& param_info) {
      std::string name = param_info.param.name;
      for (auto& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

TEST(Earning, SpendThresholdBonusAppliesAtTheThresholdNotBelow) {
  EarningRule bonus;
  bonus.id = "t";
  bonus.kind = EarningRuleKind::spend_threshold_bonus;
  bonus.threshold_minor = 5000;
  bonus.bonus_points = 100;
  EXPECT_EQ(compute_points(purchase({{"A", "x", 1, 4999}}), {bonus}).points, 0);
  EXPECT_EQ(compute_points(purchase({{"A", "x", 1, 5000}}), {bonus}).points, 100);
}

TEST(Earning, DateWindowIsInclusiveStartExclusiveEnd) {
  auto rule = base(1000);
  rule.starts_at = 1'700'000'000;
  rule.ends_at = 1'700'000'100;
  auto facts = purchase({{"A", "x", 1, 1000}});
  facts.occurred_at = 1'700'000'000;
  EXPECT_EQ(compute_points(facts, {rule}).points, 10);
  facts.occurred_at = 1'700'000'100;
  EXPECT_EQ(compute_points(facts, {rule}).points, 0);
  facts.occurred_at = 1'699'999'999;
  EXPECT_EQ(compute_points(facts, {rule}).points, 0);
}

TEST(Earning, StoreFilterLimitsARuleToItsStores) {
  auto rule = base(1000);
  rule.store_ids = {"s2"};
  EXPECT_EQ(compute_points(purchase({{"A", "x", 1, 1000}}), {rule}).points, 0);
  rule.store_ids = {"s1", "s2"};
  EXPECT_EQ(compute_points(purchase({{"A", "x", 1, 1000}}), {rule}).points, 10);
}

TEST(Earning, AppliedListNamesEachRuleWithItsPoints) {
  auto facts = purchase({{"A", "coffee", 1, 1000}});
  facts.tier_multiplier_permille = 1500;
  facts.tier_code = "gold";
  const auto result =
      compute_points(facts, {base(1000), targeted("m", EarningRuleKind::category_multiplier, "coffee", 2000, 0)});
  ASSERT_EQ(result.points, 30);
  ASSERT_EQ(result.applied.size(), 3u);
  EXPECT_EQ(result.applied[0].id, "base");
  EXPECT_EQ(result.applied[0].points, 10);
  EXPECT_EQ(result.applied[1].id, "m");
  EXPECT_EQ(result.applied[1].points, 10);
  EXPECT_EQ(result.applied[2].source, "tier");
  EXPECT_EQ(result.applied[2].points, 10);
}

TEST(Earning, RemainderGoesToLargestFractionSoAppliedSumsToTotal) {
  // 0.6 + 0.6 from two base rules = 1.2 -> 1 point, given to one of them.
  auto a = base(600);
  auto b = base(600);
  b.id = "base2";
  const auto result = compute_points(purchase({{"A", "x", 1, 100}}), {a, b});
  EXPECT_EQ(result.points, 1);
  EXPECT_EQ(sum_applied(result), 1);
}

TEST(Earning, ParsesEveryKindBack) {
  for (auto kind : {EarningRuleKind::base_rate, EarningRuleKind::category_multiplier, EarningRuleKind::sku_multiplier,
                    EarningRuleKind::category_bonus, EarningRuleKind::sku_bonus,
                    EarningRuleKind::spend_threshold_bonus}) {
    EXPECT_EQ(parse_earning_rule_kind(to_string(kind)), kind);
  }
  EXPECT_FALSE(parse_earning_rule_kind("triple").has_value());
}

}  // namespace
}  // namespace patron
