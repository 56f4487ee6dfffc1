#include "analytics/pareto_nbd.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

#include "analytics/fit_check.h"
#include "analytics/minimize.h"
#include "analytics/parallel.h"
#include "analytics/special_functions.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinGroupsPerWorker = 5'000;  // each history costs two 2F1 series
constexpr double kMinusInfinity = -HUGE_VAL;

double log_add_exp(double u, double v) {
  if (u == kMinusInfinity) return v;
  if (v == kMinusInfinity) return u;
  return std::max(u, v) + std::log1p(std::exp(-std::fabs(u - v)));
}

// Parameter logs and the x-only term ln Gamma(r+x)/Gamma(r), tabulated once
// per evaluation as a sum of logs (x is an integer).
struct Terms {
  ParetoNbdParams p;
  double log_r_alpha_s_beta;  // r ln alpha + s ln beta
  double log_s;
  std::vector<double> log_gamma_ratio;

  Terms(const ParetoNbdParams& params, std::uint32_t max_x)
      : p(params),
        log_r_alpha_s_beta(params.r * std::log(params.alpha) + params.s * std::log(params.beta)),
        log_s(std::log(params.s)),
        log_gamma_ratio(max_x + 1) {
    double sum = 0.0;
    for (std::uint32_t x = 0; x <= max_x; ++x) {
      log_gamma_ratio[x] = sum;
      sum += std::log(params.r + x);
    }
  }
};

// ln A0 of Hardie (2005) eqs. (19)-(20): with m = max(alpha, beta),
//   A0 = 2F1(r+s+x, b; r+s+x+1; |alpha-beta|/(m+t_x)) / (m+t_x)^(r+s+x) - (same at T),
// b = s+1 when alpha >= beta, else r+x. -inf when t_x = T.
double log_a0(const ParetoNbdParams& p, std::uint32_t x, double t_x, double t) {
  const double rsx = p.r + p.s + x;
  const bool alpha_larger = p.alpha >= p.beta;
  const double larger = alpha_larger ? p.alpha : p.beta;
  const double b = alpha_larger ? p.s + 1.0 : p.r + x;
  const double gap = std::fabs(p.alpha - p.beta);
  const double q1 = larger + t_x, q2 = larger + t;
  const double l1 = log_hyp2f1_a_a1(rsx, b, gap / q1) - rsx * std::log(q1);
  const double l2 = log_hyp2f1_a_a1(rsx, b, gap / q2) - rsx * std::log(q2);
  if (!(l2 < l1)) return std::isnan(l1 + l2) ? l1 + l2 : kMinusInfinity;
  return l1 + std::log(-std::expm1(l2 - l1));
}

// ln of the "alive at T" part of the likelihood and of the whole likelihood.
struct CustomerLogs {
  double alive;
  double total;
};

CustomerLogs customer_logs(const Terms& terms, std::uint32_t x, double t_x, double t) {
  const ParetoNbdParams& p = terms.p;
  const double head = terms.log_gamma_ratio[x] + terms.log_r_alpha_s_beta;
  const double alive = head - (p.r + x) * std::log(p.alpha + t) - p.s * std::log(p.beta + t);
  const double dead = head + terms.log_s + log_a0(p, x, t_x, t) - std::log(p.r + p.s + x);
  return {alive, log_add_exp(alive, dead)};
}

double evaluate(const ParetoNbdParams& p, const BtydGroups& g, unsigned workers) {
  const Terms terms(p, g.max_frequency);
  const unsigned used = workers_for(g.size(), kMinGroupsPerWorker, workers);
  std::vector<double> partials(used, 0.0);
  parallel_chunks(g.size(), used, [&](std::size_t begin, std::size_t end, unsigned worker) {
    double sum = 0.0;
    for (std::size_t i = begin; i < end; ++i) {
      sum += g.weight[i] * customer_logs(terms, g.frequency[i], g.recency[i], g.age[i]).total;
    }
    partials[worker] = sum;
  });
  return std::accumulate(partials.begin(), partials.end(), 0.0);
}

ParetoNbdParams from_log(std::span<const double> theta) {
  return {std::exp(theta[0]), std::exp(theta[1]), std::exp(theta[2]), std::exp(theta[3])};
}

}  // namespace

double pareto_nbd_log_likelihood(const ParetoNbdParams& params, const BtydGroups& groups,
                                 const FitOptions& options) {
  return evaluate(params, groups, options.workers);
}

double pareto_nbd_customer_log_likelihood(const ParetoNbdParams& params, std::uint32_t x,
                                          double t_x, double t) {
  return customer_logs(Terms(params, x), x, t_x, t).total;
}

Result<ParetoNbdFit> fit_pareto_nbd(const BtydGroups& groups, const FitOptions& options) {
  const double customers = std::accumulate(groups.weight.begin(), groups.weight.end(), 0.0);
  if (customers <= 0) return Error::validation("customers", "no customers to fit");
  double mean_age = 0, max_age = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    mean_age += groups.weight[i] * groups.age[i];
    max_age = std::max(max_age, groups.age[i]);
  }
  mean_age = std::max(1e-3, mean_age / customers);
  const Objective objective = [&](std::span<const double> theta, std::span<double>) {
    const double ll = evaluate(from_log(theta), groups, options.workers);
    return std::isfinite(ll) ? -ll / customers : HUGE_VAL;
  };
  // lifetimes starts at 1 with times scaled to a maximum age of 1.
  const double log_scale = std::log(std::max(1e-3, max_age));
  MinimizeOptions search;
  search.use_gradient = false;
  auto minimum = minimize(objective, {0.0, log_scale, 0.0, log_scale}, search);
  if (!minimum.ok()) return minimum.error();
  ParetoNbdFit fit;
  fit.params = from_log(minimum->x);
  fit.log_likelihood = -minimum->value * customers;
  fit.evaluations = minimum->evaluations;
  const ParetoNbdParams& p = fit.params;
  auto usable = check_fit("pareto_nbd", *minimum,
                          {{"r", p.r}, {"alpha", p.alpha, mean_age}, {"s", p.s}, {"beta", p.beta, mean_age}},
                          fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  return fit;
}

double pareto_nbd_p_alive(const ParetoNbdParams& params, std::uint32_t x, double t_x, double t) {
  const CustomerLogs logs = customer_logs(Terms(params, x), x, t_x, t);
  return std::exp(logs.alive - logs.total);
}

namespace {

double expected_given_alive(const ParetoNbdParams& p, double horizon, std::uint32_t x, double t) {
  // (r+x)/(alpha+T) (beta+T)/(s-1) [1 - ((beta+T)/(beta+T+horizon))^(s-1)]
  const double log_ratio = std::log((p.beta + t) / (p.beta + t + horizon));  // < 0
  const double s1 = p.s - 1.0;
  const double bracket = std::fabs(s1 * log_ratio) < 1e-12 ? -log_ratio : -std::expm1(s1 * log_ratio) / s1;
  return (p.r + x) / (p.alpha + t) * (p.beta + t) * bracket;
}

}  // namespace

double pareto_nbd_expected_purchases(const ParetoNbdParams& params, double horizon,
                                     std::uint32_t x, double t_x, double t) {
  assert(horizon >= 0 && t_x <= t);
  if (horizon == 0) return 0.0;
  return pareto_nbd_p_alive(params, x, t_x, t) * expected_given_alive(params, horizon, x, t);
}

BgNbdPredictions predict_pareto_nbd(const ParetoNbdParams& params, const BtydGroups& groups,
                                    double horizon, const FitOptions& options) {
  BgNbdPredictions out;
  out.p_alive.resize(groups.size());
  out.expected_purchases.resize(groups.size());
  const Terms terms(params, groups.max_frequency);
  const unsigned used = workers_for(groups.size(), kMinGroupsPerWorker, options.workers);
  parallel_chunks(groups.size(), used, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto x = groups.frequency[i];
      const CustomerLogs logs = customer_logs(terms, x, groups.recency[i], groups.age[i]);
      out.p_alive[i] = std::exp(logs.alive - logs.total);
      out.expected_purchases[i] =
          horizon == 0 ? 0.0 : out.p_alive[i] * expected_given_alive(params, horizon, x, groups.age[i]);
    }
  });
  return out;
}

}  // namespace patron::analytics
