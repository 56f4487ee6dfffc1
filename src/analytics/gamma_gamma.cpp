#include "analytics/gamma_gamma.h"

#include <array>
#include <cassert>
#include <cmath>
#include <vector>

#include "analytics/fit_check.h"
#include "analytics/minimize.h"
#include "analytics/special_functions.h"

namespace patron::analytics {
namespace {

struct SpendData {
  std::vector<std::uint32_t> x;
  std::vector<double> zbar;
  std::vector<std::uint32_t> customers_with_x;  // histogram of x
  double sum_x_log_xz = 0;   // sum of x (ln zbar + ln x): constant in the params
  double sum_log_z = 0;      // sum of ln zbar
  double mean_zbar = 0;
};

SpendData usable_rows(std::span<const std::uint32_t> frequency, std::span<const double> mean_spend) {
  SpendData data;
  for (std::size_t i = 0; i < frequency.size(); ++i) {
    if (frequency[i] == 0 || !(mean_spend[i] > 0)) continue;
    const std::uint32_t x = frequency[i];
    data.x.push_back(x);
    data.zbar.push_back(mean_spend[i]);
    if (data.customers_with_x.size() <= x) data.customers_with_x.resize(x + 1, 0);
    ++data.customers_with_x[x];
    data.sum_x_log_xz += x * (std::log(mean_spend[i]) + std::log(double(x)));
    data.sum_log_z += std::log(mean_spend[i]);
    data.mean_zbar += mean_spend[i];
  }
  if (!data.x.empty()) data.mean_zbar /= static_cast<double>(data.x.size());
  return data;
}

// Log-likelihood (Hardie 2013, eq. 4) and its gradient in (p, q, gamma). The
// gamma-function terms depend on x only, so they are summed per distinct x.
double log_likelihood(const GammaGammaParams& m, const SpendData& d, double* gradient) {
  const double n = static_cast<double>(d.x.size());
  double ll = n * (m.q * std::log(m.gamma) - std::lgamma(m.q)) + m.p * d.sum_x_log_xz - d.sum_log_z;
  double d_p = d.sum_x_log_xz;
  double d_q = n * (std::log(m.gamma) - digamma(m.q));
  double d_gamma = n * m.q / m.gamma;
  for (std::size_t x = 1; x < d.customers_with_x.size(); ++x) {
    const double count = d.customers_with_x[x];
    if (count == 0) continue;
    const double px = m.p * static_cast<double>(x);
    ll += count * (std::lgamma(px + m.q) - std::lgamma(px));
    const double psi_sum = digamma(px + m.q);
    d_p += count * x * (psi_sum - digamma(px));
    d_q += count * psi_sum;
  }
  for (std::size_t i = 0; i < d.x.size(); ++i) {
    const double x = d.x[i];
    const double scale = m.gamma + x * d.zbar[i];
    const double log_scale = std::log(scale);
    ll -= (m.p * x + m.q) * log_scale;
    d_p -= x * log_scale;
    d_q -= log_scale;
    d_gamma -= (m.p * x + m.q) / scale;
  }
  gradient[0] = d_p, gradient[1] = d_q, gradient[2] = d_gamma;
  return ll;
}

}  // namespace

Result<GammaGammaFit> fit_gamma_gamma(std::span<const std::uint32_t> frequency,
                                      std::span<const double> mean_spend) {
  assert(frequency.size() == mean_spend.size());
  const SpendData data = usable_rows(frequency, mean_spend);
  if (data.x.empty()) return Error::validation("mean_spend", "no customer with repeat spend");
  const double n = static_cast<double>(data.x.size());
  const Objective objective = [&](std::span<const double> theta, std::span<double> gradient) {
    const GammaGammaParams m{std::exp(theta[0]), std::exp(theta[1]), std::exp(theta[2])};
    double g[3];
    const double ll = log_likelihood(m, data, g);
    gradient[0] = -g[0] * m.p / n, gradient[1] = -g[1] * m.q / n, gradient[2] = -g[2] * m.gamma / n;
    return std::isfinite(ll) ? -ll / n : HUGE_VAL;
  };
  // gamma is a money scale: start it at the mean spend so the start is as
  // good in cents as in dollars.
  auto minimum = minimize(objective, {0.0, 0.0, std::log(data.mean_zbar)});
  if (!minimum.ok()) return minimum.error();
  GammaGammaFit fit;
  fit.params = {std::exp(minimum->x[0]), std::exp(minimum->x[1]), std::exp(minimum->x[2])};
  fit.log_likelihood = -minimum->value * n;
  fit.customers = data.x.size();
  fit.evaluations = minimum->evaluations;
  const GammaGammaParams& m = fit.params;
  auto usable = check_fit("gamma_gamma", *minimum,
                          {{"p", m.p}, {"q", m.q}, {"gamma", m.gamma, data.mean_zbar}}, fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  const std::array<double, 3> found{m.p, m.q, m.gamma};
  constexpr std::array<const char*, 3> kNames{"p", "q", "gamma"};
  usable = check_ridges(
      "gamma_gamma",
      [&](std::span<const double> v) {
        double unused[3];
        return log_likelihood({v[0], v[1], v[2]}, data, unused);
      },
      found, kNames, {{1, 2}}, fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  return fit;
}

double gamma_gamma_expected_spend(const GammaGammaParams& m, std::uint32_t x, double zbar) {
  return (m.gamma + x * zbar) * m.p / (m.p * x + m.q - 1.0);
}

}  // namespace patron::analytics
