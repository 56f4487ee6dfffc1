#pragma once
// Fits on many distinct histories (continuous times: one per customer) start
// from the optimum of an evenly spaced sample of them, so that the full-data
// search needs a few polishing steps instead of the whole descent. The result
// is still the full data's optimum, to the optimizer's tolerance.
#include <cstddef>

#include "analytics/sufficient_statistics.h"

namespace patron::analytics {

inline constexpr std::size_t kWarmStartAbove = 150'000;  // groups
inline constexpr std::size_t kWarmStartSample = 50'000;   // groups in the sample

// Every k-th group (k = ceil(size / at_most)), weights kept; group_of_row empty.
BtydGroups every_kth_group(const BtydGroups& groups, std::size_t at_most);

}  // namespace patron::analytics
