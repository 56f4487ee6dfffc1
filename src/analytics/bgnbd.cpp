#include "analytics/bgnbd.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <numeric>

#include "analytics/fit_check.h"
#include "analytics/minimize.h"
#include "analytics/parallel.h"
#include "analytics/special_functions.h"
#include "analytics/vector_math.h"
#include "analytics/warm_start.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinGroupsPerWorker = 20'000;
constexpr std::size_t kParams = 4;  // r, alpha, a, b
using Gradient = std::array<double, kParams>;

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

struct Partial {
  double log_likelihood = 0.0;
  Gradient gradient{};  // d/d(r, alpha, a, b), not yet in log-parameters
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
  const FrequencyTerms terms(p, g.max_frequency);
  const unsigned used = workers_for(g.size(), kMinGroupsPerWorker, workers);
  std::vector<Partial> partials(used);
  parallel_chunks(g.size(), used, [&](std::size_t begin, std::size_t end, unsigned worker) {
    partials[worker] = accumulate(p, terms, g, begin, end);
  });
  Partial total;
  for (const Partial& part : partials) {
    total.log_likelihood += part.log_likelihood;
    for (std::size_t k = 0; k < kParams; ++k) total.gradient[k] += part.gradient[k];
  }
  return total;
}

BgNbdParams from_log(std::span<const double> theta) {
  return {std::exp(theta[0]), std::exp(theta[1]), std::exp(theta[2]), std::exp(theta[3])};
}

// 1 / P(alive) - 1: the odds that the customer dropped out after t_x.
double dropout_odds(const BgNbdParams& p, std::uint32_t x, double t_x, double t) {
  if (x == 0) return 0.0;
  return p.a / (p.b + x - 1) * std::pow((p.alpha + t) / (p.alpha + t_x), p.r + x);
}

}  // namespace

double bgnbd_log_likelihood(const BgNbdParams& params, const BtydGroups& groups, std::array<double, 4>* gradient) {
  const Partial at = evaluate(params, groups, 1);
  if (gradient != nullptr) *gradient = at.gradient;
  return at.log_likelihood;
}

Result<BgNbdFit> fit_bgnbd(const BtydGroups& groups, const FitOptions& options) {
  const double customers = std::accumulate(groups.weight.begin(), groups.weight.end(), 0.0);
  if (customers <= 0) return Error::validation("customers", "no customers to fit");
  double mean_age = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) mean_age += groups.weight[i] * groups.age[i];
  mean_age /= customers;
  // The per-customer mean keeps f near 1 whatever the customer count, so the
  // relative tolerances mean the same on 2 thousand or 2 million customers.
  const Objective objective = [&](std::span<const double> theta, std::span<double> gradient) {
    const BgNbdParams p = from_log(theta);
    const Partial at = evaluate(p, groups, options.workers);
    const std::array<double, kParams> value{p.r, p.alpha, p.a, p.b};
    for (std::size_t k = 0; k < kParams; ++k) gradient[k] = -at.gradient[k] * value[k] / customers;
    return std::isfinite(at.log_likelihood) ? -at.log_likelihood / customers : HUGE_VAL;
  };
  // alpha is a time scale: starting it at a tenth of the mean age makes the
  // start equally good whether periods are days or weeks.
  std::vector<double> start{0.0, std::log(std::max(1e-3, 0.1 * mean_age)), 0.0, 0.0};
  if (groups.size() > kWarmStartAbove) {
    auto rough = fit_bgnbd(every_kth_group(groups, kWarmStartSample), options);
    if (rough.ok()) {
      const BgNbdParams& q = rough->params;
      start = {std::log(q.r), std::log(q.alpha), std::log(q.a), std::log(q.b)};
    }
  }
  auto minimum = minimize(objective, start);
  if (!minimum.ok()) return minimum.error();
  BgNbdFit fit;
  fit.params = from_log(minimum->x);
  fit.log_likelihood = -minimum->value * customers;
  fit.evaluations = minimum->evaluations;
  const BgNbdParams& p = fit.params;
  auto usable =
      check_fit("bgnbd", *minimum, {{"r", p.r}, {"alpha", p.alpha, std::max(1e-3, mean_age)}, {"a", p.a}, {"b", p.b}},
                fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  const std::array<double, kParams> found{p.r, p.alpha, p.a, p.b};
  constexpr std::array<const char*, kParams> kNames{"r", "alpha", "a", "b"};
  usable = check_ridges(
      "bgnbd",
      [&](std::span<const double> q) {
        return evaluate({q[0], q[1], q[2], q[3]}, groups, options.workers).log_likelihood;
      },
      found, kNames, {{0, 1}, {2, 3}}, fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  return fit;
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
  BgNbdPredictions out;
  out.p_alive.resize(groups.size());
  out.expected_purchases.resize(groups.size());
  const unsigned used = workers_for(groups.size(), kMinGroupsPerWorker, options.workers);
  parallel_chunks(groups.size(), used, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto x = groups.frequency[i];
      out.p_alive[i] = bgnbd_p_alive(params, x, groups.recency[i], groups.age[i]);
      out.expected_purchases[i] = bgnbd_expected_purchases(params, horizon, x, groups.recency[i], groups.age[i]);
    }
  });
  return out;
}

}  // namespace patron::analytics
