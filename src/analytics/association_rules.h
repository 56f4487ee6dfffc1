#pragma once
// Association rules X -> {y} with a single-item consequent, as arules'
// apriori produces them: support = P(X and y), confidence = P(y | X),
// lift = confidence / P(y). The defaults are what users of mlxtend and arules
// expect: rules have at least one antecedent item (min_length 2; arules'
// minlen = 1 also lists {} -> {y}, which is ask-only here), itemsets have no
// length cap (mlxtend's max_len = None), confidence at least 0.8 (both).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analytics/baskets.h"

namespace patron::analytics {

struct RuleOptions {
  double min_support = 0.01;
  double min_confidence = 0.8;
  std::size_t min_length = 2;  // items in X and y together; 1 admits {} -> {y} (arules' minlen)
  std::size_t max_length = 0;  // items in a rule at most; 0: no cap
};

struct AssociationRule {
  std::vector<std::uint32_t> antecedent;  // item ids, ascending
  std::uint32_t consequent = 0;
  std::uint32_t count = 0;  // baskets with X and y
  double support = 0, confidence = 0, lift = 0;
};

// The smallest basket count meeting a support fraction; a relative epsilon
// keeps 0.001 * 10000 at 10 despite rounding.
std::uint32_t min_count_for(double min_support, std::size_t baskets);

// Sorted by lift, then support, then confidence, all descending, then by items.
std::vector<AssociationRule> association_rules(const Baskets& baskets, const RuleOptions& options);

// Item pairs bought together: each unordered pair once with both directions'
// confidence. Only pairs in at least min_support of the baskets; sorted by lift.
struct ItemPair {
  std::uint32_t first = 0, second = 0;  // first < second
  std::uint32_t count = 0;
  double support = 0, confidence_first_to_second = 0, confidence_second_to_first = 0, lift = 0;
};

std::vector<ItemPair> item_cooccurrence(const Baskets& baskets, double min_support);

}  // namespace patron::analytics
