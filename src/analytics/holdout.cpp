#include "analytics/holdout.h"

#include <algorithm>
#include <limits>

namespace patron::analytics {
namespace {

constexpr std::uint32_t kNoRow = std::numeric_limits<std::uint32_t>::max();

}  // namespace

Result<CalibrationHoldout> calibration_and_holdout(const TransactionColumns& purchases, std::size_t customer_count,
                                                   const HoldoutOptions& options) {
  if (options.observation_end <= options.calibration_end) {
    return Error::validation("observation_end", "the observation end must be after the calibration end");
  }
  CalibrationHoldout split;
  split.calibration =
      summarize(purchases, customer_count, {options.calibration_end, options.period, options.minor_per_major});
  if (split.calibration.size() == 0) {
    return Error::validation("calibration_end", "no customer bought by the calibration end");
  }
  std::vector<std::uint32_t> row_of(customer_count, kNoRow);
  for (std::size_t row = 0; row < split.calibration.size(); ++row) {
    row_of[split.calibration.customer_index[row]] = static_cast<std::uint32_t>(row);
  }
  // (calibration row, holdout day) keys; sorted and deduplicated, each left
  // is one purchase day of one customer (same-day purchases count once).
  std::vector<std::uint64_t> keys;
  for (std::size_t i = 0; i < purchases.size(); ++i) {
    const Day day = purchases.day[i];
    if (day <= options.calibration_end || day > options.observation_end) continue;
    const std::uint32_t row = row_of[purchases.customer_index[i]];
    if (row == kNoRow) continue;  // first purchase after the calibration end
    keys.push_back(std::uint64_t{row} << 32 | static_cast<std::uint32_t>(day - options.calibration_end));
  }
  if (keys.empty()) {
    return Error::validation("observation_end", "no purchase in the holdout period");
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  split.holdout_frequency.assign(split.calibration.size(), 0);
  for (std::uint64_t key : keys) ++split.holdout_frequency[key >> 32];
  split.holdout_duration = (options.observation_end - options.calibration_end) / days_per_period(options.period);
  return split;
}

HoldoutOptions default_holdout_split(const TransactionColumns& purchases) {
  HoldoutOptions split;
  if (purchases.size() == 0) return split;
  const auto [first, last] = std::minmax_element(purchases.day.begin(), purchases.day.end());
  split.observation_end = *last;
  split.calibration_end = *first + (*last - *first) / 2;
  return split;
}

}  // namespace patron::analytics
