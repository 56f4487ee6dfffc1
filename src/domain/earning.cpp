#include "domain/earning.h"
#include "domain/checked.h"
#include "domain/enum_names.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace patron {
namespace {

constexpr std::int64_t micro_per_point = 1'000'000;
constexpr std::int64_t permille = 1000;

constexpr auto kEarningRuleKindNames = enumerator_names(EarningRuleKind::base_rate);

__extension__ using Micro = __int128;  // products of amounts and rates exceed int64

struct Contribution {
  AppliedRule rule;
  Micro micro = 0;
};

bool rule_is_live(const EarningRule& rule, const PurchaseFacts& facts) {
  if (rule.starts_at && facts.occurred_at < *rule.starts_at) return false;
  if (rule.ends_at && facts.occurred_at >= *rule.ends_at) return false;
  if (rule.store_ids.empty()) return true;
  return std::find(rule.store_ids.begin(), rule.store_ids.end(), facts.store_id) != rule.store_ids.end();
}

bool line_matches(const EarningRule& rule, const PricedLine& line) {
  switch (rule.kind) {
    case EarningRuleKind::category_multiplier:
    case EarningRuleKind::category_bonus: return line.category == rule.target;
    case EarningRuleKind::sku_multiplier:
    case EarningRuleKind::sku_bonus: return line.sku == rule.target;
    default: return false;
  }
}

// Largest-remainder allocation: each contribution gets its floor, and the
// points lost to flooring go to the largest fractional parts, so the listed
// points add up exactly to the transaction's total.
std::vector<AppliedRule> allocate(std::vector<Contribution> contributions, Points total) {
  Points floored = 0;
  std::vector<std::pair<Micro, std::size_t>> remainders;
  for (std::size_t i = 0; i < contributions.size(); ++i) {
    auto& c = contributions[i];
    c.rule.points = static_cast<Points>(c.micro / micro_per_point);
    floored += c.rule.points;
    remainders.emplace_back(c.micro % micro_per_point, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; floored < total && i < remainders.size(); ++i, ++floored) {
    contributions[remainders[i].second].rule.points += 1;
  }
  std::vector<AppliedRule> applied;
  for (auto& c : contributions) {
    if (c.rule.points != 0) applied.push_back(std::move(c.rule));
  }
  return applied;
}

// Callers bound amounts before they earn (domain/limits.h); saturating here
// keeps a caller that did not from wrapping into a negative figure.
std::int64_t saturate(Micro value) {
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  return value > max ? max : value < min ? min : static_cast<std::int64_t>(value);
}

}  // namespace

const char* to_string(EarningRuleKind kind) { return kEarningRuleKindNames.name(kind); }

std::optional<EarningRuleKind> parse_earning_rule_kind(const std::string& text) {
  return kEarningRuleKindNames.parse(text);
}

MinorUnits purchase_total_minor(const std::vector<PricedLine>& lines) {
  Micro total = 0;
  for (const auto& line : lines) total += Micro(line.quantity) * line.unit_price_minor;
  return saturate(total);
}

EarningResult compute_points(const PurchaseFacts& facts, const std::vector<EarningRule>& rules) {
  const std::int64_t minor_per_major = minor_units_per_major(facts.currency);
  std::vector<const EarningRule*> live;
  std::vector<const EarningRule*> base_rules;
  for (const auto& rule : rules) {
    if (!rule_is_live(rule, facts)) continue;
    live.push_back(&rule);
    if (rule.kind == EarningRuleKind::base_rate) base_rules.push_back(&rule);
  }

  std::vector<Contribution> contributions;
  auto add = [&](const EarningRule& rule, Micro micro) {
    auto it = std::find_if(contributions.begin(), contributions.end(),
                           [&](const Contribution& c) { return c.rule.id == rule.id && c.rule.source == "rule"; });
    if (it == contributions.end()) {
      contributions.push_back({AppliedRule{"rule", rule.id, 0, rule.name, 0, {}}, micro});
    } else {
      it->micro += micro;
    }
  };

  Micro rate_based_micro = 0;  // base and multiplier points: what the tier multiplies
  for (const auto& line : facts.lines) {
    const Micro line_total_minor = Micro(line.quantity) * line.unit_price_minor;
    Micro line_base = 0;
    for (const auto* rule : base_rules) {
      const Micro share = line_total_minor * rule->rate_milli * permille / minor_per_major;
      line_base += share;
      add(*rule, share);
    }
    rate_based_micro += line_base;
    for (const auto* rule : live) {
      if (!line_matches(*rule, line)) continue;
      const bool is_multiplier = rule->kind == EarningRuleKind::category_multiplier ||
                                 rule->kind == EarningRuleKind::sku_multiplier;
      Micro micro = is_multiplier ? line_base * (rule->multiplier_permille - permille) / permille
                                  : Micro(rule->bonus_points) * line.quantity * micro_per_point;
      if (is_multiplier) rate_based_micro += micro;
      add(*rule, micro);
    }
  }

  Micro total_minor = 0;
  for (const auto& line : facts.lines) total_minor += Micro(line.quantity) * line.unit_price_minor;
  for (const auto* rule : live) {
    if (rule->kind == EarningRuleKind::spend_threshold_bonus && total_minor >= rule->threshold_minor) {
      add(*rule, Micro(rule->bonus_points) * micro_per_point);
    }
  }
  if (facts.tier_multiplier_permille != permille && rate_based_micro > 0) {
    contributions.push_back({AppliedRule{"tier", facts.tier_code, 0, {}, 0, {}},
                             rate_based_micro * (facts.tier_multiplier_permille - permille) / permille});
  }

  Micro total_micro = 0;
  for (const auto& c : contributions) total_micro += c.micro;
  if (total_micro < 0) total_micro = 0;
  EarningResult result;
  result.points = saturate(total_micro / micro_per_point);
  result.applied = allocate(std::move(contributions), result.points);
  PATRON_INVARIANT(result.points >= 0);
  return result;
}

}  // namespace patron
