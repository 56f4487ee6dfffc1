#pragma once
// Earning rules turn a purchase into points. Contributions are computed exactly
// in micro-points (1e-6 point, integers) and floored once per transaction after
// summing, so splitting a basket into lines never loses a point to rounding.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"

namespace patron {

// Bounds on a rule's parameters: with amounts under the purchase ceiling
// (domain/limits.h) they keep every micro-point product well inside 128 bits.
inline constexpr std::int64_t max_rate_milli = 1'000'000;          // 1,000 points per major unit
inline constexpr std::int64_t max_multiplier_permille = 100'000;   // ×100

enum class EarningRuleKind {
  base_rate,             // rate_milli points per major currency unit spent
  category_multiplier,   // base points of matching lines × multiplier_permille/1000
  sku_multiplier,
  category_bonus,        // bonus_points per unit of a matching line
  sku_bonus,
  spend_threshold_bonus  // bonus_points once when the eligible spend reaches threshold_minor
};

const char* to_string(EarningRuleKind kind);
std::optional<EarningRuleKind> parse_earning_rule_kind(const std::string& text);

struct EarningRule {
  std::string id;
  std::string name;
  EarningRuleKind kind = EarningRuleKind::base_rate;
  std::int64_t rate_milli = 0;            // base_rate: 1000 = 1 point per major unit
  std::int64_t multiplier_permille = 1000;
  Points bonus_points = 0;
  std::string target;                     // category or SKU the rule matches
  MinorUnits threshold_minor = 0;
  std::optional<std::int64_t> starts_at;  // epoch seconds, inclusive
  std::optional<std::int64_t> ends_at;    // epoch seconds, exclusive
  std::vector<std::string> store_ids;     // empty = every store
};

struct PricedLine {
  std::string sku;
  std::string category;
  std::int64_t quantity = 0;
  MinorUnits unit_price_minor = 0;
};

struct PurchaseFacts {
  std::string store_id;
  std::string currency = "USD";
  std::int64_t occurred_at = 0;  // epoch seconds
  std::int64_t tier_multiplier_permille = 1000;
  std::string tier_code;
  std::vector<PricedLine> lines;
};

struct AppliedRule {
  std::string source;  // "rule", "tier" or "offer"
  std::string id;
  Points points = 0;
  std::string name;  // the rule's, tier's or offer's name as people read it
  MinorUnits discount_minor = 0;  // what a voucher offer took off the lines
  std::string voucher_code;       // the reward voucher a free-reward offer issued
};

struct EarningResult {
  Points points = 0;
  std::vector<AppliedRule> applied;  // points of each, summing exactly to `points`
};

MinorUnits purchase_total_minor(const std::vector<PricedLine>& lines);

EarningResult compute_points(const PurchaseFacts& facts, const std::vector<EarningRule>& rules);

}  // namespace patron
