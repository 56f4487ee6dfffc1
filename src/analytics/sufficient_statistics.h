#pragma once
// The BG/NBD likelihood depends on a customer only through (x, t_x, T), and
// real histories measured in days repeat those triples a lot (every one-time
// buyer of the same day shares one). Fitting and predicting per distinct
// triple, weighted by its customer count, is the main saving at scale.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace patron::analytics {

struct BtydGroups {
  std::vector<std::uint32_t> frequency;  // x
  std::vector<double> recency;           // t_x
  std::vector<double> age;               // T
  std::vector<double> weight;            // customers sharing the triple
  std::vector<std::uint32_t> group_of_row;  // input row -> group
  std::uint32_t max_frequency = 0;

  std::size_t size() const { return frequency.size(); }
};

BtydGroups group_by_sufficient_statistics(std::span<const std::uint32_t> frequency,
                                          std::span<const double> recency,
                                          std::span<const double> age);

// Spreads per-group values back to one value per input row.
std::vector<double> expand_to_rows(const BtydGroups& groups, std::span<const double> per_group);

}  // namespace patron::analytics
