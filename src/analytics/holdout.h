#pragma once
// Calibration/holdout split of a purchase history, as lifetimes'
// calibration_and_holdout_data(freq="D", freq_multiplier=1 for days or 7 for
// weeks): the calibration summary of every customer who bought by the
// calibration end, and the purchase days each made in the holdout period.
#include <cstdint>
#include <vector>

#include "analytics/calendar.h"
#include "analytics/customer_summary.h"
#include "analytics/transactions.h"
#include "domain/result.h"

namespace patron::analytics {

struct HoldoutOptions {
  Day calibration_end = 0;  // inclusive
  Day observation_end = 0;  // inclusive; purchases after it are ignored
  Period period = Period::weeks;
  double minor_per_major = 100.0;
};

struct CalibrationHoldout {
  // x, t_x, T and mean repeat spend at the calibration end, one row per
  // customer whose first purchase is on or before it (customer_summary.h).
  CustomerSummary calibration;
  // Per calibration row: distinct purchase days in (calibration_end, observation_end].
  std::vector<std::uint32_t> holdout_frequency;
  double holdout_duration = 0.0;  // periods: (observation_end - calibration_end) / period
};

// Errors when observation_end is not after calibration_end, when nobody
// bought by the calibration end, or when nobody bought in the holdout period
// (lifetimes raises ValueError for that last one too).
Result<CalibrationHoldout> calibration_and_holdout(const TransactionColumns& purchases, std::size_t customer_count,
                                                   const HoldoutOptions& options);

// The default split when none is given: calibration ends halfway between the
// first and the last purchase day (CDNOW's 39 of 78 weeks), holdout runs to the last.
HoldoutOptions default_holdout_split(const TransactionColumns& purchases);

}  // namespace patron::analytics
