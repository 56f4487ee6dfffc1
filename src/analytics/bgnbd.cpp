#include "analytics/bgnbd.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <numeric>

#include "analytics/beta_geometric_fit.h"
#include "analytics/parallel.h"
#include "analytics/special_functions.h"
#include "analytics/vector_math.h"

namespace patron::analytics {
namespace {

using detail::kMinGroupsPerWorker;
using Partial = detail::LikelihoodSum;

// Terms that depend on x only, tabulated once per evaluation for x = 0..max:
// ln Gamma(r+x)/Gamma(r) + ln B(a, b+x)/B(a, b) as sums of logs (x is an
// integer), and their derivatives, so the per-customer work is one exp and
// one log1p.
struct FrequencyTerms {
  std::vector<double> log_term, d_r, d_a, d_b, log_dropout;  // log_dropout: ln a - ln(b+x-1)
  std::vector<double> inv_b_x;                               // 1 / (b+x-1), 0 at x = 0

  FrequencyTerms(const BgNbdParams& p, std::uint32_t max_x)
      : log_term(max_x + 1),
        d_r(max_x + 1),
        d_a(max_x + 1),
        d_b(max_x + 1),
        log_dropout(max_x + 1),
        inv_b_x(max_x + 1) {
    double log_sum = 0, dr = 0, da = 0, db = 0;
    for (std::uint32_t x = 0; x <= max_x; ++x) {
      log_term[x] = log_sum, d_r[x] = dr, d_a[x] = da, d_b[x] = db;
      log_dropout[x] = x > 0 ? std::log(p.a) - std::log(p.b + x - 1) : 0.0;
      inv_b_x[x] = x > 0 ? 1.0 / (p.b + x - 1) : 0.0;
      log_sum += std::log(p.r + x) + std::log(p.b + x) - std::log(p.a + p.b + x);
      dr += 1.0 / (p.r + x);
      da -= 1.0 / (p.a + p.b + x);
      db += 1.0 / (p.b + x) - 1.0 / (p.a + p.b + x);
    }
  }
};

// Customers are taken a block at a time so the logs and exps of a block run
// through the vector math kernels; the sums then read them back without
// branches (whether x > 0 is as good as random, so a branch would mispredict).
constexpr std::size_t kBlock = 256;

struct BlockTerms {
  std::array<double, kBlock> log_age, log_recency, shrink, log1p_shrink, inv_age, inv_recency;
};

void fill_block(const BgNbdParams& p, const FrequencyTerms& terms, const BtydGroups& g, std::size_t begin,
                std::size_t n, BlockTerms& b) {
  for (std::size_t k = 0; k < n; ++k) {
    b.log_age[k] = p.alpha + g.age[begin + k];
    b.log_recency[k] = p.alpha + g.recency[begin + k];
    b.inv_age[k] = 1.0 / b.log_age[k];
    b.inv_recency[k] = 1.0 / b.log_recency[k];
  }
  log_each(b.log_age.data(), b.log_age.data(), n);
  log_each(b.log_recency.data(), b.log_recency.data(), n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t x = g.frequency[begin + k];
    const double r_x = p.r + x;
    const double diff = terms.log_dropout[x] - r_x * b.log_recency[k] + r_x * b.log_age[k];
    // Unused where x = 0; a moderate value keeps the vector exp off its slow path.
    b.shrink[k] = x > 0 ? std::max(-std::fabs(diff), -700.0) : -40.0;
  }
  exp_each(b.shrink.data(), b.shrink.data(), n);
  log1p_each(b.shrink.data(), b.log1p_shrink.data(), n);
}

Partial accumulate(const BgNbdParams& p, const FrequencyTerms& terms, const BtydGroups& g, std::size_t begin,
                   std::size_t end) {
  Partial sum;
  const double log_alpha = std::log(p.alpha);
  const double inv_a = 1.0 / p.a, r_over_alpha = p.r / p.alpha;
  BlockTerms b;
  for (std::size_t from = begin; from < end; from += kBlock) {
    const std::size_t n = std::min(kBlock, end - from);
    fill_block(p, terms, g, from, n, b);
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t i = from + k;
      const std::uint32_t x = g.frequency[i];
      const double repeat = x > 0 ? 1.0 : 0.0;  // the dropout term exists only after a repeat purchase
      const double w = g.weight[i];
      const double r_x = p.r + x;
      const double log_recency = repeat * b.log_recency[k];
      const double still_alive = -r_x * b.log_age[k];  // ln of the "alive at T" term
      const double dropped = terms.log_dropout[x] - r_x * log_recency;
      const double e = b.shrink[k];
      const double top = std::max(dropped, still_alive);
      const double mixture = still_alive + repeat * (top + b.log1p_shrink[k] - still_alive);
      const double dropped_share = repeat * (dropped > still_alive ? 1.0 : e) / (1.0 + e);
      const double alive_share = 1.0 - dropped_share;
      sum.log_likelihood += w * (terms.log_term[x] + p.r * log_alpha + mixture);
      sum.gradient[0] += w * (terms.d_r[x] + log_alpha - alive_share * b.log_age[k] - dropped_share * log_recency);
      sum.gradient[1] += w * (r_over_alpha - r_x * (alive_share * b.inv_age[k] + dropped_share * b.inv_recency[k]));
      sum.gradient[2] += w * (terms.d_a[x] + dropped_share * inv_a);
      sum.gradient[3] += w * (terms.d_b[x] - dropped_share * terms.inv_b_x[x]);
    }
  }
  return sum;
}

Partial evaluate(const BgNbdParams& p, const BtydGroups& g, unsigned workers) {
  return detail::sum_likelihood<FrequencyTerms>(p, g, workers, accumulate);
}

// 1 / P(alive) - 1: the odds that the customer dropped out after t_x.
double dropout_odds(const BgNbdParams& p, std::uint32_t x, double t_x, double t) {
  if (x == 0) return 0.0;
  return p.a / (p.b + x - 1) * std::pow((p.alpha + t) / (p.alpha + t_x), p.r + x);
}

}  // namespace

double bgnbd_log_likelihood(const BgNbdParams& params, const BtydGroups& groups, std::array<double, 4>* gradient) {
  return detail::log_likelihood_at(evaluate, params, groups, gradient);
}

Result<BgNbdFit> fit_bgnbd(const BtydGroups& groups, const FitOptions& options) {
  return detail::fit_beta_geometric<BgNbdParams>("bgnbd", groups, options, evaluate);
}

double bgnbd_p_alive(const BgNbdParams& params, std::uint32_t x, double t_x, double t) {
  return 1.0 / (1.0 + dropout_odds(params, x, t_x, t));
}

void bgnbd_expected_purchases_at(const BgNbdParams& p, std::span<const double> horizons, std::uint32_t x, double t_x,
                                 double t, std::span<double> out) {
  assert(horizons.size() == out.size() && horizons.size() <= kMaxSeriesPoints && t_x <= t);
  // FHL (2005) eq. (10) with Euler's transformation
  //   2F1(r+x, b+x; c; z) = (1-z)^(c-r-b-2x) 2F1(c-r-x, c-b-x; c; z),
  // c = a+b+x-1, whose series has small numerator parameters and converges
  // fast even when z = horizon / (alpha + T + horizon) is near 1.
  const double c = p.a + p.b + x - 1.0;
  const double scale = c / (p.a - 1.0) / (1.0 + dropout_odds(p, x, t_x, t));
  std::array<double, kMaxSeriesPoints> z{}, series{};
  for (std::size_t k = 0; k < horizons.size(); ++k) {
    assert(horizons[k] >= 0);
    z[k] = horizons[k] / (p.alpha + t + horizons[k]);
  }
  hyp2f1_series_at(p.a + p.b - 1.0 - p.r, p.a - 1.0, c, std::span(z).first(horizons.size()),
                   std::span(series).first(horizons.size()));
  // (1 - z)^(a - 1) for every horizon at once, through libmvec.
  std::array<double, kMaxSeriesPoints> power{};
  for (std::size_t k = 0; k < horizons.size(); ++k) power[k] = -z[k];
  log1p_each(power.data(), power.data(), horizons.size());
  for (std::size_t k = 0; k < horizons.size(); ++k) power[k] *= p.a - 1.0;
  exp_each(power.data(), power.data(), horizons.size());
  for (std::size_t k = 0; k < horizons.size(); ++k) {
    out[k] = horizons[k] == 0 ? 0.0 : scale * (1.0 - power[k] * series[k]);
  }
}

double bgnbd_expected_purchases(const BgNbdParams& p, double horizon, std::uint32_t x, double t_x, double t) {
  double out = 0.0;
  bgnbd_expected_purchases_at(p, std::span(&horizon, 1), x, t_x, t, std::span(&out, 1));
  return out;
}

BgNbdPredictions predict_bgnbd(const BgNbdParams& params, const BtydGroups& groups, double horizon,
                               const FitOptions& options) {
  return detail::predict_each_group(
      groups, horizon, options, [&](std::uint32_t x, double t_x, double t) { return bgnbd_p_alive(params, x, t_x, t); },
      [&](double h, std::uint32_t x, double t_x, double t) { return bgnbd_expected_purchases(params, h, x, t_x, t); });
}

}  // namespace patron::analytics
