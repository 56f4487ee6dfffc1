#pragma once
// What the BG/NBD and MBG/NBD fits share. Both models have the parameters
// (r, alpha, a, b); each sums its log-likelihood and gradient over the
// groups on several threads, is fitted over the log-parameters by L-BFGS-B
// (from the optimum of a sample when there are many groups), and has its
// optimum checked for degenerate ends and ridges before it is reported.
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string_view>
#include <vector>

#include "analytics/bgnbd.h"
#include "analytics/fit_check.h"
#include "analytics/minimize.h"
#include "analytics/parallel.h"
#include "analytics/warm_start.h"

namespace patron::analytics::detail {

inline constexpr std::size_t kMinGroupsPerWorker = 20'000;
inline constexpr std::size_t kBetaGeometricParams = 4;  // r, alpha, a, b

struct LikelihoodSum {
  double log_likelihood = 0.0;
  std::array<double, kBetaGeometricParams> gradient{};  // d/d(r, alpha, a, b)
};

// accumulate(begin, end) over the groups [0, groups) on up to `workers`
// threads (0: one per hardware thread), summed.
template <typename Accumulate>
LikelihoodSum sum_over_groups(std::size_t groups, unsigned workers, Accumulate&& accumulate) {
  const unsigned used = workers_for(groups, kMinGroupsPerWorker, workers);
  std::vector<LikelihoodSum> partials(used);
  parallel_chunks(groups, used, [&](std::size_t begin, std::size_t end, unsigned worker) {
    partials[worker] = accumulate(begin, end);
  });
  LikelihoodSum total;
  for (const LikelihoodSum& part : partials) {
    total.log_likelihood += part.log_likelihood;
    for (std::size_t k = 0; k < kBetaGeometricParams; ++k) total.gradient[k] += part.gradient[k];
  }
  return total;
}

// A model's LikelihoodSum at p: Terms(p, max frequency) tabulates what depends
// on x only, once; accumulate(p, terms, groups, begin, end) sums the groups
// [begin, end), on up to `workers` threads.
template <typename Terms, typename Params, typename Accumulate>
LikelihoodSum sum_likelihood(const Params& p, const BtydGroups& g, unsigned workers, const Accumulate& accumulate) {
  const Terms terms(p, g.max_frequency);
  return sum_over_groups(g.size(), workers,
                         [&](std::size_t begin, std::size_t end) { return accumulate(p, terms, g, begin, end); });
}

// The log-likelihood at params on one thread and, when asked, its gradient:
// the models' *_log_likelihood, which tests check against finite differences.
template <typename Params, typename Evaluate>
double log_likelihood_at(const Evaluate& evaluate, const Params& params, const BtydGroups& groups,
                         std::array<double, kBetaGeometricParams>* gradient) {
  const LikelihoodSum at = evaluate(params, groups, 1);
  if (gradient != nullptr) *gradient = at.gradient;
  return at.log_likelihood;
}

template <typename Params>
Params params_from_log(std::span<const double> theta) {
  return {std::exp(theta[0]), std::exp(theta[1]), std::exp(theta[2]), std::exp(theta[3])};
}

// The maximum-likelihood (r, alpha, a, b) of `model`, whose
// evaluate(params, groups, workers) gives its LikelihoodSum.
template <typename Params, typename Evaluate>
Result<ModelFit<Params>> fit_beta_geometric(std::string_view model, const BtydGroups& groups, const FitOptions& options,
                                            const Evaluate& evaluate) {
  const double customers = std::accumulate(groups.weight.begin(), groups.weight.end(), 0.0);
  if (customers <= 0) return Error::validation("customers", "no customers to fit");
  double mean_age = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) mean_age += groups.weight[i] * groups.age[i];
  mean_age = std::max(1e-3, mean_age / customers);
  // The per-customer mean keeps f near 1 whatever the customer count, so the
  // relative tolerances mean the same on 2 thousand or 2 million customers.
  const Objective objective = [&](std::span<const double> theta, std::span<double> gradient) {
    const auto p = params_from_log<Params>(theta);
    const LikelihoodSum at = evaluate(p, groups, options.workers);
    const std::array<double, kBetaGeometricParams> value{p.r, p.alpha, p.a, p.b};
    for (std::size_t k = 0; k < kBetaGeometricParams; ++k) gradient[k] = -at.gradient[k] * value[k] / customers;
    return std::isfinite(at.log_likelihood) ? -at.log_likelihood / customers : HUGE_VAL;
  };
  // alpha is a time scale: starting it at a tenth of the mean age makes the
  // start equally good whether periods are days or weeks.
  std::vector<double> start{0.0, std::log(std::max(1e-3, 0.1 * mean_age)), 0.0, 0.0};
  if (groups.size() > kWarmStartAbove) {
    auto rough = fit_beta_geometric<Params>(model, every_kth_group(groups, kWarmStartSample), options, evaluate);
    if (rough.ok()) {
      const Params& q = rough->params;
      start = {std::log(q.r), std::log(q.alpha), std::log(q.a), std::log(q.b)};
    }
  }
  auto minimum = minimize(objective, start);
  if (!minimum.ok()) return minimum.error();
  ModelFit<Params> fit;
  fit.params = params_from_log<Params>(minimum->x);
  fit.log_likelihood = -minimum->value * customers;
  fit.evaluations = minimum->evaluations;
  const Params& p = fit.params;
  auto usable = check_fit(model, *minimum, {{"r", p.r}, {"alpha", p.alpha, mean_age}, {"a", p.a}, {"b", p.b}},
                          fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  const std::array<double, kBetaGeometricParams> found{p.r, p.alpha, p.a, p.b};
  constexpr std::array<const char*, kBetaGeometricParams> kNames{"r", "alpha", "a", "b"};
  usable = check_ridges(
      model,
      [&](std::span<const double> q) {
        return evaluate({q[0], q[1], q[2], q[3]}, groups, options.workers).log_likelihood;
      },
      found, kNames, {{0, 1}, {2, 3}}, fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  return fit;
}

// P(alive) and expected purchases over `horizon` for every group, on up to
// options.workers threads: p_alive(x, t_x, T) and expected(horizon, x, t_x, T).
template <typename PAlive, typename Expected>
BgNbdPredictions predict_each_group(const BtydGroups& groups, double horizon, const FitOptions& options,
                                    const PAlive& p_alive, const Expected& expected) {
  BgNbdPredictions out;
  out.p_alive.resize(groups.size());
  out.expected_purchases.resize(groups.size());
  const unsigned used = workers_for(groups.size(), kMinGroupsPerWorker, options.workers);
  parallel_chunks(groups.size(), used, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto x = groups.frequency[i];
      out.p_alive[i] = p_alive(x, groups.recency[i], groups.age[i]);
      out.expected_purchases[i] = expected(horizon, x, groups.recency[i], groups.age[i]);
    }
  });
  return out;
}

}  // namespace patron::analytics::detail
