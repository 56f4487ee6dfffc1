#include "offers/statistics.h"

#include <gsl/gsl_cdf.h>

#include <cmath>

namespace patron::offers {

void Moments::add(double x) {
  ++n_;
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
}

std::optional<Interval> welch_interval(const Moments& t, const Moments& c, double confidence) {
  if (t.count() < 2 || c.count() < 2) return std::nullopt;
  const double vt = t.sample_variance() / static_cast<double>(t.count());
  const double vc = c.sample_variance() / static_cast<double>(c.count());
  const double diff = t.mean() - c.mean();
  const double se = std::sqrt(vt + vc);
  if (se == 0) return Interval{diff, diff};
  // Welch–Satterthwaite degrees of freedom.
  const double df = (vt + vc) * (vt + vc) /
                    (vt * vt / static_cast<double>(t.count() - 1) + vc * vc / static_cast<double>(c.count() - 1));
  const double q = gsl_cdf_tdist_Pinv(0.5 + confidence / 2.0, df);
  return Interval{diff - q * se, diff + q * se};
}

std::optional<Interval> wilson_interval(std::int64_t successes, std::int64_t n, double confidence) {
  if (n <= 0) return std::nullopt;
  const double z = gsl_cdf_ugaussian_Pinv(0.5 + confidence / 2.0);
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double denominator = 1.0 + z * z / nn;
  const double centre = (p + z * z / (2.0 * nn)) / denominator;
  const double half = z * std::sqrt(p * (1.0 - p) / nn + z * z / (4.0 * nn * nn)) / denominator;
  return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::optional<Interval> newcombe_interval(std::int64_t s1, std::int64_t n1, std::int64_t s2, std::int64_t n2,
                                          double confidence) {
  const auto w1 = wilson_interval(s1, n1, confidence);
  const auto w2 = wilson_interval(s2, n2, confidence);
  if (!w1 || !w2) return std::nullopt;
  const double p1 = static_cast<double>(s1) / static_cast<double>(n1);
  const double p2 = static_cast<double>(s2) / static_cast<double>(n2);
  const double d = p1 - p2;
  const double below = std::sqrt((p1 - w1->low) * (p1 - w1->low) + (w2->high - p2) * (w2->high - p2));
  const double above = std::sqrt((w1->high - p1) * (w1->high - p1) + (p2 - w2->low) * (p2 - w2->low));
  return Interval{d - below, d + above};
}

}  // namespace patron::offers
