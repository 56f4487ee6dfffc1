#include "analytics/clv.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace patron::analytics {
namespace {

// A horizon of more steps than this is a unit mistake (days passed as weeks).
constexpr int kMaxSteps = 10'000;

}  // namespace

double discounted_expected_purchases(const BgNbdParams& params, std::uint32_t x, double t_x,
                                     double t, const ClvOptions& options) {
  assert(options.step_periods > 0 && options.horizon_periods >= 0);
  const int steps = std::min(kMaxSteps, static_cast<int>(std::ceil(options.horizon_periods /
                                                                     options.step_periods - 1e-9)));
  double value = 0.0;
  double purchases_before = 0.0;
  double discount = 1.0;
  for (int step = 1; step <= steps; ++step) {
    const double until = std::min(options.horizon_periods, step * options.step_periods);
    const double purchases = bgnbd_expected_purchases(params, until, x, t_x, t);
    discount /= 1.0 + options.discount_rate_per_step;
    value += (purchases - purchases_before) * discount;
    purchases_before = purchases;
  }
  return value;
}

}  // namespace patron::analytics
