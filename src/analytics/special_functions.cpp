#include "analytics/special_functions.h"

#include <algorithm>
#include <array>

#include <cassert>
#include <cmath>
#include <numbers>

namespace patron::analytics {
namespace {

// Far beyond what z <= 0.99 needs with the parameters the models pass; a
// bound, not a tuning knob.
constexpr int kMaxSeriesTerms = 200'000;
constexpr double kSeriesTolerance = 1e-15;
// Coefficients kept for evaluating the series at several points at once;
// beyond this many terms the points are summed one by one.
constexpr std::size_t kMaxCoefficients = 512;

// log_hyp2f1_a_a1 sums Euler's transformed series up to z = 0.9 and beyond
// that while a(1-z) > 2; closer to 1 it uses the 1 - z connection formula,
// whose first term grows like z^-a (hence the a(1-z) bound on cancellation).
constexpr double kReflectFromZ = 0.9;
constexpr double kReflectMaxAW = 2.0;
// The connection formula has poles at integer b; within this distance of one
// the value is interpolated (cubic, through n -/+ 1 and 2 steps: smooth in b,
// error O(step^4), and the cancellation at the step costs about eps/step).
constexpr double kNearInteger = 1e-3;

// G(z) = 2F1(1, a+1-b; a+1; z) = (1-z)^(b-1) 2F1(a, b; a+1; z) (Euler). With
// a + 1 - b > 0 every term is positive and at most z^n.
double euler_series(double a, double b, double z) {
  const double p = a + 1.0 - b, q = a + 1.0;
  double term = 1.0, sum = 1.0;
  for (int n = 0; n < kMaxSeriesTerms; ++n) {
    term *= (p + n) / (q + n) * z;
    sum += term;
    if (term <= kSeriesTolerance * sum) break;
  }
  return sum;
}

// Gamma(a+1) Gamma(1-b) / Gamma(a+1-b) z^-a (1-z)^(b-1): the first term of
// reflected_series below, whose Gamma(1-b) may be negative.
double reflected_first_term(double a, double b, double z) {
  int sign = 1;
  const double log_gamma_1b = lgamma_r(1.0 - b, &sign);
  return sign * std::exp(log_gamma(a + 1.0) + log_gamma_1b - log_gamma(a + 1.0 - b) - a * std::log(z) +
                         (b - 1.0) * std::log(1.0 - z));
}

// The same G(z) by Abramowitz & Stegun 15.3.6 with c = a + 1, for b not an
// integer: G = Gamma(a+1) Gamma(1-b) / Gamma(a+1-b) z^-a (1-z)^(b-1)
//            + a / (b-1) 2F1(1, a+1-b; 2-b; 1-z).
double reflected_series(double a, double b, double z) {
  const double w = 1.0 - z;
  const double first = reflected_first_term(a, b, z);
  const double p = a + 1.0 - b, q = 2.0 - b;
  double term = 1.0, sum = 1.0;
  for (int n = 0; n < kMaxSeriesTerms; ++n) {
    term *= (p + n) / (q + n) * w;
    sum += term;
    // Terms may grow until the denominator q + n has crossed zero.
    if (n > b - 2.0 && std::fabs(term) <= kSeriesTolerance * std::fabs(sum)) break;
  }
  return first + a / (b - 1.0) * sum;
}

// reflected_series and its partial derivatives: the first term's through
// digamma (psi(1-b) = psi(b) + pi cot(pi b)), the series' summed with it.
ScaledHyp2f1 reflected_derivatives(double a, double b, double z) {
  const double w = 1.0 - z;
  const double first = reflected_first_term(a, b, z);
  const double psi_shifted = digamma(a + 1.0 - b);
  const double psi_1b = digamma(b) + std::numbers::pi / std::tan(std::numbers::pi * b);
  const double p = a + 1.0 - b, q = 2.0 - b;
  double term = 1.0, sum = 1.0, harmonic_p = 0.0, harmonic_q = 0.0, d_p = 0.0, d_q = 0.0, d_w = 0.0;
  for (int n = 0; n < kMaxSeriesTerms; ++n) {
    harmonic_p += 1.0 / (p + n);
    harmonic_q += 1.0 / (q + n);
    term *= (p + n) / (q + n) * w;
    sum += term;
    d_p += term * harmonic_p;
    d_q -= term * harmonic_q;
    d_w += (n + 1.0) * term;
    if (n > b - 2.0 && std::fabs(term) <= kSeriesTolerance * std::fabs(sum)) break;
  }
  d_w /= w;
  const double k = a / (b - 1.0);
  return {first + k * sum, first * (digamma(a + 1.0) - psi_shifted - std::log(z)) + sum / (b - 1.0) + k * d_p,
          first * (-psi_1b + psi_shifted + std::log(w)) - k / (b - 1.0) * sum - k * (d_p + d_q),
          first * (-a / z - (b - 1.0) / w) - k * d_w};
}

double near_pole(double a, double b, double n, double z) {
  constexpr double kSteps[4] = {-2.0, -1.0, 1.0, 2.0};
  const double u = (b - n) / kNearInteger;
  double g = 0.0;
  for (int i = 0; i < 4; ++i) {
    double weight = 1.0;
    for (int j = 0; j < 4; ++j) {
      if (j != i) weight *= (u - kSteps[j]) / (kSteps[i] - kSteps[j]);
    }
    g += weight * reflected_series(a, n + kSteps[i] * kNearInteger, z);
  }
  return g;
}

}  // namespace

double log_gamma(double x) {
  int sign = 1;
  return lgamma_r(x, &sign);
}

double hyp2f1_a_a1_scaled(double a, double b, double z) {
  if (!(a > 0.0 && b > 0.0 && a + 1.0 - b > 0.0 && z >= 0.0 && z < 1.0)) return std::nan("");
  if (z == 0.0) return 1.0;
  if (z <= kReflectFromZ || a * (1.0 - z) > kReflectMaxAW) return euler_series(a, b, z);
  const double nearest = std::round(b);
  if (nearest >= 1.0 && std::fabs(b - nearest) < kNearInteger) return near_pole(a, b, nearest, z);
  return reflected_series(a, b, z);
}

ScaledHyp2f1 hyp2f1_a_a1_scaled_derivatives(double a, double b, double z) {
  const double nearest = std::round(b);
  const bool reflect = z > kReflectFromZ && a * (1.0 - z) <= kReflectMaxAW;
  if (reflect && !(nearest >= 1.0 && std::fabs(b - nearest) < kNearInteger)) {
    return reflected_derivatives(a, b, z);
  }
  if (reflect) {  // near a pole of the connection formula: differences of the interpolation
    const auto g = [](double a1, double b1, double z1) { return hyp2f1_a_a1_scaled(a1, b1, z1); };
    const double ha = 1e-6 * a, hb = 1e-6 * b, hz = 1e-7 * (1.0 - z);
    return {g(a, b, z), (g(a + ha, b, z) - g(a - ha, b, z)) / (2 * ha), (g(a, b + hb, z) - g(a, b - hb, z)) / (2 * hb),
            (g(a, b, z + hz) - g(a, b, z - hz)) / (2 * hz)};
  }
  // G = sum c_n z^n, c_{n+1} = c_n (p+n)/(q+n), p = a+1-b, q = a+1:
  // dc_n/dp = c_n sum_{k<n} 1/(p+k), dc_n/dq = -c_n sum_{k<n} 1/(q+k).
  const double p = a + 1.0 - b, q = a + 1.0;
  double c = 1.0, power = 1.0, harmonic_p = 0.0, harmonic_q = 0.0;
  double sum = 1.0, d_p = 0.0, d_q = 0.0, d_z = 0.0;
  for (int n = 0; n < kMaxSeriesTerms; ++n) {
    const double inv_p = 1.0 / (p + n), inv_q = 1.0 / (q + n);
    d_z += (n + 1.0) * c * (p + n) * inv_q * power;  // (n+1) c_{n+1} z^n
    c *= (p + n) * inv_q;
    power *= z;
    harmonic_p += inv_p;
    harmonic_q += inv_q;
    const double term = c * power;
    sum += term;
    d_p += term * harmonic_p;
    d_q -= term * harmonic_q;
    if (term <= kSeriesTolerance * sum) break;
  }
  return {sum, d_p + d_q, -d_p, d_z};
}

double log_hyp2f1_a_a1(double a, double b, double z) {
  return (1.0 - b) * std::log1p(-z) + std::log(hyp2f1_a_a1_scaled(a, b, z));
}

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
  const double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
  return shift + std::log(x) - 0.5 * inv - series;
}

void hyp2f1_series_at(double a, double b, double c, std::span<const double> z, std::span<double> out) {
  assert(z.size() == out.size() && z.size() <= kMaxSeriesPoints);
  if (z.empty()) return;
  // The series' coefficients depend on a, b and c only: found once, as far as
  // the largest z needs (it converges last), then each point is a polynomial
  // in its z, evaluated by Horner's rule (no division, independent per point).
  double largest = 0.0;
  for (const double at : z) {
    assert(at >= 0.0 && at < 1.0);
    largest = std::max(largest, at);
  }
  std::array<double, kMaxCoefficients> coefficient;  // only [0, terms) is read
  std::size_t terms = 1;
  coefficient[0] = 1.0;
  double power = 1.0, sum = 1.0;
  for (int n = 0; n < kMaxSeriesTerms && terms < kMaxCoefficients; ++n) {
    coefficient[terms] = coefficient[terms - 1] * ((a + n) * (b + n) / ((c + n) * (n + 1.0)));
    power *= largest;
    const double term = coefficient[terms] * power;
    ++terms;
    sum += term;
    if (std::fabs(term) <= kSeriesTolerance * std::fabs(sum)) break;
  }
  if (terms == kMaxCoefficients) {  // a series this slow: each point on its own
    for (std::size_t k = 0; k < z.size(); ++k) out[k] = hyp2f1_series(a, b, c, z[k]);
    return;
  }
  // All points advance together (a fixed width the compiler vectorizes; the
  // unused lanes evaluate at z = 0), so the multiply-add chains overlap.
  std::array<double, kMaxSeriesPoints> at{}, value;
  std::copy(z.begin(), z.end(), at.begin());
  value.fill(coefficient[terms - 1]);
  for (std::size_t n = terms - 1; n-- > 0;) {
    for (std::size_t k = 0; k < kMaxSeriesPoints; ++k) value[k] = value[k] * at[k] + coefficient[n];
  }
  std::copy(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(z.size()), out.begin());
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
