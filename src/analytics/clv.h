#pragma once
// Customer lifetime value: BG/NBD expected purchases in each step of the
// horizon, times the Gamma-Gamma expected spend, discounted per step (the
// definition lifetimes uses, with its 30-day months as the usual step).
#include <cstdint>

#include "analytics/bgnbd.h"

namespace patron::analytics {

struct ClvOptions {
  double horizon_periods = 39.0;
  double step_periods = 30.0 / 7.0;  // one 30-day month, in weeks
  double discount_rate_per_step = 0.01;
};

// Sum over steps of the expected purchases in the step, discounted: the CLV
// of a customer whose every purchase is worth 1. It depends on (x, t_x, T)
// only, so it is computed per sufficient-statistics group.
double discounted_expected_purchases(const BgNbdParams& params, std::uint32_t x, double t_x,
                                     double t, const ClvOptions& options);

inline double customer_lifetime_value(const BgNbdParams& params, std::uint32_t x, double t_x,
                                      double t, double expected_spend, const ClvOptions& options) {
  return expected_spend * discounted_expected_purchases(params, x, t_x, t, options);
}

}  // namespace patron::analytics
