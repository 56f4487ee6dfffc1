#pragma once
// Frequent itemsets by FP-Growth (Han, Pei & Yin 2000): baskets are
// compressed into a prefix tree ordered by item frequency, and itemsets are
// grown from conditional trees instead of generating and counting candidates.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "analytics/baskets.h"

namespace patron::analytics {

struct FrequentItemsets {
  std::vector<std::uint32_t> offset{0};
  std::vector<std::uint32_t> items;  // item ids, ascending within an itemset
  std::vector<std::uint32_t> count;  // baskets containing the itemset

  std::size_t size() const { return count.size(); }
  std::span<const std::uint32_t> itemset(std::size_t k) const {
    return {items.data() + offset[k], offset[k + 1] - offset[k]};
  }
};

// All itemsets of 1..max_length items in at least min_count baskets.
FrequentItemsets fp_growth(const Baskets& baskets, std::uint32_t min_count, std::size_t max_length);

}  // namespace patron::analytics
