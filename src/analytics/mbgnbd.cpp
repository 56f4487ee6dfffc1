#include "analytics/mbgnbd.h"

#include <array>
#include <cassert>
#include <cmath>
#include <numeric>

#include "analytics/beta_geometric_fit.h"
#include "analytics/parallel.h"
#include "analytics/special_functions.h"

namespace patron::analytics {
namespace {

using detail::kMinGroupsPerWorker;
using Partial = detail::LikelihoodSum;

// Terms that depend on x only, tabulated once per evaluation for x = 0..max:
// ln Gamma(r+x)/Gamma(r) + ln B(a, b+x+1)/B(a, b) as sums of logs and their
// derivatives, so the per-customer work is two logs, one exp and one log1p.
struct FrequencyTerms {
  std::vector<double> log_term, d_r, d_a, d_b, log_dropout;  // log_dropout: ln a - ln(b+x)

  FrequencyTerms(const MbgNbdParams& p, std::uint32_t max_x)
      : log_term(max_x + 1), d_r(max_x + 1), d_a(max_x + 1), d_b(max_x + 1), log_dropout(max_x + 1) {
    // ln B(a, b+x+1)/B(a, b) = sum_{k=0..x} ln(b+k) - ln(a+b+k).
    double gamma_r = 0, beta = 0, dr = 0, da = 0, db = 0;
    const double log_a = std::log(p.a);
    for (std::uint32_t x = 0; x <= max_x; ++x) {
      beta += std::log(p.b + x) - std::log(p.a + p.b + x);
      da -= 1.0 / (p.a + p.b + x);
      db += 1.0 / (p.b + x) - 1.0 / (p.a + p.b + x);
      log_term[x] = gamma_r + beta, d_r[x] = dr, d_a[x] = da, d_b[x] = db;
      log_dropout[x] = log_a - std::log(p.b + x);
      gamma_r += std::log(p.r + x);
      dr += 1.0 / (p.r + x);
    }
  }
};

Partial accumulate(const MbgNbdParams& p, const FrequencyTerms& terms, const BtydGroups& g, std::size_t begin,
                   std::size_t end) {
  Partial sum;
  const double log_alpha = std::log(p.alpha);
  for (std::size_t i = begin; i < end; ++i) {
    const std::uint32_t x = g.frequency[i];
    const double w = g.weight[i];
    const double r_x = p.r + x;
    const double log_age = std::log(p.alpha + g.age[i]);
    const double log_recency = std::log(p.alpha + g.recency[i]);
    const double still_alive = -r_x * log_age;
    const double dropped = terms.log_dropout[x] - r_x * log_recency;
    const double diff = dropped - still_alive;
    const double e = std::exp(-std::fabs(diff));
    const double mixture = std::max(dropped, still_alive) + std::log1p(e);
    const double dropped_share = diff > 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    const double alive_share = 1.0 - dropped_share;
    sum.log_likelihood += w * (terms.log_term[x] + p.r * log_alpha + mixture);
    sum.gradient[0] += w * (terms.d_r[x] + log_alpha - alive_share * log_age - dropped_share * log_recency);
    sum.gradient[1] +=
        w * (p.r / p.alpha - r_x * (alive_share / (p.alpha + g.age[i]) + dropped_share / (p.alpha + g.recency[i])));
    sum.gradient[2] += w * (terms.d_a[x] + dropped_share / p.a);
    sum.gradient[3] += w * (terms.d_b[x] - dropped_share / (p.b + x));
  }
  return sum;
}

Partial evaluate(const MbgNbdParams& p, const BtydGroups& g, unsigned workers) {
  return detail::sum_likelihood<FrequencyTerms>(p, g, workers, accumulate);
}

}  // namespace

Result<MbgNbdFit> fit_mbgnbd(const BtydGroups& groups, const FitOptions& options) {
  return detail::fit_beta_geometric<MbgNbdParams>("mbgnbd", groups, options, evaluate);
}

double mbgnbd_log_likelihood(const MbgNbdParams& params, const BtydGroups& groups, std::array<double, 4>* gradient) {
  return detail::log_likelihood_at(evaluate, params, groups, gradient);
}

double mbgnbd_p_alive(const MbgNbdParams& p, std::uint32_t x, double t_x, double t) {
  // The odds that the customer dropped out at the last purchase: unlike
  // BG/NBD, a customer may drop out at the first, so x == 0 is no exception.
  const double dropout_odds = p.a / (p.b + x) * std::pow((p.alpha + t) / (p.alpha + t_x), p.r + x);
  return 1.0 / (1.0 + dropout_odds);
}

double mbgnbd_expected_purchases(const MbgNbdParams& p, double horizon, std::uint32_t x, double t_x, double t) {
  assert(horizon >= 0 && t_x <= t);
  if (horizon == 0) return 0.0;
  // (a+b+x)/(a-1) [1 - 2F1(r+x, b+x+1; a+b+x; z) (1-z)^(r+x)] P(alive),
  // z = horizon / (alpha + T + horizon), with Euler's transformation
  //   2F1(r+x, b+x+1; c; z) = (1-z)^(c-r-b-2x-1) 2F1(c-r-x, c-b-x-1; c; z),
  // c = a+b+x, as for BG/NBD: the transformed series converges fast.
  const double c = p.a + p.b + x;
  const double z = horizon / (p.alpha + t + horizon);
  const double series = hyp2f1_series(p.a + p.b - p.r, p.a - 1.0, c, z);
  const double bracket = 1.0 - std::pow(1.0 - z, p.a - 1.0) * series;
  return c / (p.a - 1.0) * bracket * mbgnbd_p_alive(p, x, t_x, t);
}

BgNbdPredictions predict_mbgnbd(const MbgNbdParams& params, const BtydGroups& groups, double horizon,
                                const FitOptions& options) {
  return detail::predict_each_group(
      groups, horizon, options,
      [&](std::uint32_t x, double t_x, double t) { return mbgnbd_p_alive(params, x, t_x, t); },
      [&](double h, std::uint32_t x, double t_x, double t) { return mbgnbd_expected_purchases(params, h, x, t_x, t); });
}

}  // namespace patron::analytics
