#include "analytics/special_functions.h"

#include <cassert>
#include <cmath>

namespace patron::analytics {
namespace {

// Far beyond what z <= 0.99 needs with the parameters the models pass; a
// bound, not a tuning knob.
constexpr int kMaxSeriesTerms = 200'000;
constexpr double kSeriesTolerance = 1e-15;

}  // namespace

double digamma(double x) {
  assert(x > 0.0);
  // Shift x up with psi(x) = psi(x + 1) - 1/x until the asymptotic series is
  // accurate to double precision (x >= 6 gives ~1e-15 with these terms).
  double shift = 0.0;
  while (x < 6.0) {
    shift -= 1.0 / x;
    x += 1.0;
  }
  const double inv = 1.0 / x;
  const double inv2 = inv * inv;
  const double series =
      inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
  return shift + std::log(x) - 0.5 * inv - series;
}

double hyp2f1_series(double a, double b, double c, double z) {
  assert(z >= 0.0 && z < 1.0);
  double term = 1.0;
  double sum = 1.0;
  for (int n = 0; n < kMaxSeriesTerms; ++n) {
    term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
    sum += term;
    if (std::fabs(term) <= kSeriesTolerance * std::fabs(sum)) break;
  }
  return sum;
}

}  // namespace patron::analytics
