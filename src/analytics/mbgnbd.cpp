#include "analytics/mbgnbd.h"

#include <array>
#include <cassert>
#include <cmath>
#include <numeric>

#include "analytics/fit_check.h"
#include "analytics/minimize.h"
#include "analytics/parallel.h"
#include "analytics/special_functions.h"
#include "analytics/warm_start.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinGroupsPerWorker = 20'000;
constexpr std::size_t kParams = 4;  // r, alpha, a, b
using Gradient = std::array<double, kParams>;

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

struct Partial {
  double log_likelihood = 0.0;
  Gradient gradient{};  // d/d(r, alpha, a, b)
};

Partial accumulate(const MbgNbdParams& p, const FrequencyTerms& terms, const BtydGroups& g,
                   std::size_t begin, std::size_t end) {
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
    sum.gradient[1] += w * (p.r / p.alpha - r_x * (alive_share / (p.alpha + g.age[i]) +
                                                   dropped_share / (p.alpha + g.recency[i])));
    sum.gradient[2] += w * (terms.d_a[x] + dropped_share / p.a);
    sum.gradient[3] += w * (terms.d_b[x] - dropped_share / (p.b + x));
  }
  return sum;
}

Partial evaluate(const MbgNbdParams& p, const BtydGroups& g, unsigned workers) {
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

MbgNbdParams from_log(std::span<const double> theta) {
  return {std::exp(theta[0]), std::exp(theta[1]), std::exp(theta[2]), std::exp(theta[3])};
}

// 1 / P(alive) - 1: the odds that the customer dropped out at the last purchase.
double dropout_odds(const MbgNbdParams& p, std::uint32_t x, double t_x, double t) {
  return p.a / (p.b + x) * std::pow((p.alpha + t) / (p.alpha + t_x), p.r + x);
}

}  // namespace

double mbgnbd_log_likelihood(const MbgNbdParams& params, const BtydGroups& groups,
                             std::array<double, 4>* gradient) {
  const Partial at = evaluate(params, groups, 1);
  if (gradient != nullptr) *gradient = at.gradient;
  return at.log_likelihood;
}

Result<MbgNbdFit> fit_mbgnbd(const BtydGroups& groups, const FitOptions& options) {
  const double customers = std::accumulate(groups.weight.begin(), groups.weight.end(), 0.0);
  if (customers <= 0) return Error::validation("customers", "no customers to fit");
  double mean_age = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) mean_age += groups.weight[i] * groups.age[i];
  mean_age = std::max(1e-3, mean_age / customers);
  const Objective objective = [&](std::span<const double> theta, std::span<double> gradient) {
    const MbgNbdParams p = from_log(theta);
    const Partial at = evaluate(p, groups, options.workers);
    const std::array<double, kParams> value{p.r, p.alpha, p.a, p.b};
    for (std::size_t k = 0; k < kParams; ++k) gradient[k] = -at.gradient[k] * value[k] / customers;
    return std::isfinite(at.log_likelihood) ? -at.log_likelihood / customers : HUGE_VAL;
  };
  std::vector<double> start{0.0, std::log(0.1 * mean_age), 0.0, 0.0};
  if (groups.size() > kWarmStartAbove) {
    auto rough = fit_mbgnbd(every_kth_group(groups, kWarmStartSample), options);
    if (rough.ok()) {
      const MbgNbdParams& q = rough->params;
      start = {std::log(q.r), std::log(q.alpha), std::log(q.a), std::log(q.b)};
    }
  }
  auto minimum = minimize(objective, start);
  if (!minimum.ok()) return minimum.error();
  MbgNbdFit fit;
  fit.params = from_log(minimum->x);
  fit.log_likelihood = -minimum->value * customers;
  fit.evaluations = minimum->evaluations;
  const MbgNbdParams& p = fit.params;
  auto usable = check_fit("mbgnbd", *minimum,
                          {{"r", p.r}, {"alpha", p.alpha, mean_age}, {"a", p.a}, {"b", p.b}},
                          fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  const std::array<double, kParams> found{p.r, p.alpha, p.a, p.b};
  constexpr std::array<const char*, kParams> kNames{"r", "alpha", "a", "b"};
  usable = check_ridges(
      "mbgnbd", [&](std::span<const double> q) { return evaluate({q[0], q[1], q[2], q[3]}, groups, options.workers).log_likelihood; },
      found, kNames, {{0, 1}, {2, 3}}, fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  return fit;
}

double mbgnbd_p_alive(const MbgNbdParams& params, std::uint32_t x, double t_x, double t) {
  return 1.0 / (1.0 + dropout_odds(params, x, t_x, t));
}

double mbgnbd_expected_purchases(const MbgNbdParams& p, double horizon, std::uint32_t x, double t_x,
                                 double t) {
  assert(horizon >= 0 && t_x <= t);
  if (horizon == 0) return 0.0;
  // (a+b+x)/(a-1) [1 - 2F1(r+x, b+x+1; a+b+x; z) (1-z)^(r+x)] / (1 + odds),
  // z = horizon / (alpha + T + horizon), with Euler's transformation
  //   2F1(r+x, b+x+1; c; z) = (1-z)^(c-r-b-2x-1) 2F1(c-r-x, c-b-x-1; c; z),
  // c = a+b+x, as for BG/NBD: the transformed series converges fast.
  const double c = p.a + p.b + x;
  const double z = horizon / (p.alpha + t + horizon);
  const double series = hyp2f1_series(p.a + p.b - p.r, p.a - 1.0, c, z);
  const double bracket = 1.0 - std::pow(1.0 - z, p.a - 1.0) * series;
  return c / (p.a - 1.0) * bracket / (1.0 + dropout_odds(p, x, t_x, t));
}

BgNbdPredictions predict_mbgnbd(const MbgNbdParams& params, const BtydGroups& groups, double horizon,
                                const FitOptions& options) {
  BgNbdPredictions out;
  out.p_alive.resize(groups.size());
  out.expected_purchases.resize(groups.size());
  const unsigned used = workers_for(groups.size(), kMinGroupsPerWorker, options.workers);
  parallel_chunks(groups.size(), used, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto x = groups.frequency[i];
      out.p_alive[i] = mbgnbd_p_alive(params, x, groups.recency[i], groups.age[i]);
      out.expected_purchases[i] =
          mbgnbd_expected_purchases(params, horizon, x, groups.recency[i], groups.age[i]);
    }
  });
  return out;
}

}  // namespace patron::analytics
