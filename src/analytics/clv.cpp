#include "analytics/clv.h"

#include "analytics/special_functions.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>

namespace patron::analytics {
namespace {

// A horizon of more steps than this is a unit mistake (days passed as weeks).
constexpr int kMaxSteps = 10'000;

}  // namespace

double discounted_expected_purchases(const BgNbdParams& params, std::uint32_t x, double t_x, double t,
                                     const ClvOptions& options) {
  assert(options.step_periods > 0 && options.horizon_periods >= 0);
  const int steps =
      std::min(kMaxSteps, static_cast<int>(std::ceil(options.horizon_periods / options.step_periods - 1e-9)));
  double value = 0.0;
  double purchases_before = 0.0;
  double discount = 1.0;
  std::array<double, kMaxSeriesPoints> until{}, purchases{};
  // A few steps at a time: one pass of the series serves them all.
  for (int first = 1; first <= steps; first += static_cast<int>(kMaxSeriesPoints)) {
    const auto count = static_cast<std::size_t>(std::min<int>(kMaxSeriesPoints, steps - first + 1));
    for (std::size_t k = 0; k < count; ++k) {
      until[k] = std::min(options.horizon_periods, (first + static_cast<int>(k)) * options.step_periods);
    }
    bgnbd_expected_purchases_at(params, std::span(until).first(count), x, t_x, t, std::span(purchases).first(count));
    for (std::size_t k = 0; k < count; ++k) {
      discount /= 1.0 + options.discount_rate_per_step;
      value += (purchases[k] - purchases_before) * discount;
      purchases_before = purchases[k];
    }
  }
  return value;
}

}  // namespace patron::analytics
