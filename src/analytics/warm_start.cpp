#include "analytics/warm_start.h"

#include <algorithm>

namespace patron::analytics {

BtydGroups every_kth_group(const BtydGroups& groups, std::size_t at_most) {
  const std::size_t step = std::max<std::size_t>(1, (groups.size() + at_most - 1) / std::max<std::size_t>(1, at_most));
  BtydGroups sample;
  for (std::size_t i = 0; i < groups.size(); i += step) {
    sample.frequency.push_back(groups.frequency[i]);
    sample.recency.push_back(groups.recency[i]);
    sample.age.push_back(groups.age[i]);
    sample.weight.push_back(groups.weight[i]);
    sample.max_frequency = std::max(sample.max_frequency, groups.frequency[i]);
  }
  return sample;
}

}  // namespace patron::analytics
