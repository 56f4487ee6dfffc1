#include "analytics/association_rules.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "analytics/fp_growth.h"

namespace patron::analytics {
namespace {

constexpr double kRelativeEpsilon = 1e-12;

std::string_view key_of(std::span<const std::uint32_t> items) {
  return {reinterpret_cast<const char*>(items.data()), items.size() * sizeof(std::uint32_t)};
}

bool rule_order(const AssociationRule& l, const AssociationRule& r) {
  if (l.lift != r.lift) return l.lift > r.lift;
  if (l.count != r.count) return l.count > r.count;
  if (l.confidence != r.confidence) return l.confidence > r.confidence;
  if (l.antecedent != r.antecedent) return l.antecedent < r.antecedent;
  return l.consequent < r.consequent;
}

}  // namespace

std::uint32_t min_count_for(double min_support, std::size_t baskets) {
  const double exact = min_support * static_cast<double>(baskets);
  return static_cast<std::uint32_t>(std::max(1.0, std::ceil(exact * (1.0 - kRelativeEpsilon))));
}

std::vector<AssociationRule> association_rules(const Baskets& baskets, const RuleOptions& options) {
  assert(options.min_confidence >= 0 && options.min_confidence <= 1);
  const auto n = static_cast<double>(baskets.size());
  const std::size_t max_length = options.max_length == 0 ? SIZE_MAX : options.max_length;
  const FrequentItemsets sets = fp_growth(baskets, min_count_for(options.min_support, baskets.size()), max_length);
  // Every subset of a frequent itemset is frequent, so each antecedent's count
  // is in this index. Keys are the itemsets' bytes in the flat array.
  std::unordered_map<std::string_view, std::uint32_t> count_of;
  count_of.reserve(sets.size());
  std::vector<double> item_probability(baskets.item_count(), 0.0);
  for (std::size_t k = 0; k < sets.size(); ++k) {
    count_of.emplace(key_of(sets.itemset(k)), sets.count[k]);
    if (sets.itemset(k).size() == 1) item_probability[sets.itemset(k)[0]] = sets.count[k] / n;
  }
  std::vector<AssociationRule> rules;
  std::vector<std::uint32_t> antecedent;
  for (std::size_t k = 0; k < sets.size(); ++k) {
    const auto itemset = sets.itemset(k);
    if (itemset.size() < options.min_length) continue;
    for (std::size_t drop = 0; drop < itemset.size(); ++drop) {
      antecedent.assign(itemset.begin(), itemset.end());
      antecedent.erase(antecedent.begin() + static_cast<std::ptrdiff_t>(drop));
      const double antecedent_count = antecedent.empty() ? n : count_of.at(key_of(antecedent));
      const double confidence = sets.count[k] / antecedent_count;
      if (confidence < options.min_confidence * (1.0 - kRelativeEpsilon)) continue;
      const std::uint32_t consequent = itemset[drop];
      rules.push_back({antecedent, consequent, sets.count[k], sets.count[k] / n, confidence,
                       confidence / item_probability[consequent]});
    }
  }
  std::sort(rules.begin(), rules.end(), rule_order);
  return rules;
}

std::vector<ItemPair> item_cooccurrence(const Baskets& baskets, double min_support) {
  const auto n = static_cast<double>(baskets.size());
  const FrequentItemsets sets = fp_growth(baskets, min_count_for(min_support, baskets.size()), 2);
  std::vector<std::uint32_t> item_count(baskets.item_count(), 0);
  for (std::size_t k = 0; k < sets.size(); ++k) {
    if (sets.itemset(k).size() == 1) item_count[sets.itemset(k)[0]] = sets.count[k];
  }
  std::vector<ItemPair> pairs;
  for (std::size_t k = 0; k < sets.size(); ++k) {
    const auto pair = sets.itemset(k);
    if (pair.size() != 2) continue;
    const double both = sets.count[k];
    const double first = item_count[pair[0]], second = item_count[pair[1]];
    pairs.push_back({pair[0], pair[1], sets.count[k], both / n, both / first, both / second,
                     both * n / (first * second)});
  }
  std::sort(pairs.begin(), pairs.end(), [](const ItemPair& l, const ItemPair& r) {
    return l.lift != r.lift ? l.lift > r.lift : std::tie(l.first, l.second) < std::tie(r.first, r.second);
  });
  return pairs;
}

}  // namespace patron::analytics
