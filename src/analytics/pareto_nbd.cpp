#include "analytics/pareto_nbd.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <numeric>
#include <string>

#include "analytics/fit_check.h"
#include "analytics/minimize.h"
#include "analytics/parallel.h"
#include "analytics/pareto_nbd_gradient.h"
#include "analytics/special_functions.h"
#include "analytics/warm_start.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinGroupsPerWorker = 5'000;  // each history costs two 2F1 series
// Parameter logs and the x-only terms, tabulated once per evaluation for
// x = 0..max_x: ln Gamma(r+x)/Gamma(r) as a sum of logs (x is an integer) and
// ln s/(r+s+x). Without tables (one customer at a time) they are computed.
struct Terms {
  ParetoNbdParams p;
  bool alpha_larger;
  double larger, smaller, gap;  // of alpha and beta
  double log_r_alpha_s_beta;    // r ln alpha + s ln beta
  std::vector<double> log_gamma_ratio, log_s_share;

  explicit Terms(const ParetoNbdParams& params)
      : p(params),
        alpha_larger(params.alpha >= params.beta),
        larger(std::max(params.alpha, params.beta)),
        smaller(std::min(params.alpha, params.beta)),
        gap(larger - smaller),
        log_r_alpha_s_beta(params.r * std::log(params.alpha) + params.s * std::log(params.beta)) {}

  Terms(const ParetoNbdParams& params, std::uint32_t max_x) : Terms(params) {
    log_gamma_ratio.resize(max_x + 1);
    log_s_share.resize(max_x + 1);
    double sum = 0.0;
    for (std::uint32_t x = 0; x <= max_x; ++x) {
      log_gamma_ratio[x] = sum;
      log_s_share[x] = std::log(params.s) - std::log(params.r + params.s + x);
      sum += std::log(params.r + x);
    }
  }

  double gamma_ratio_of(std::uint32_t x) const {
    return x < log_gamma_ratio.size() ? log_gamma_ratio[x] : log_gamma(p.r + x) - log_gamma(p.r);
  }
  double s_share_of(std::uint32_t x) const {
    return x < log_s_share.size() ? log_s_share[x] : std::log(p.s) - std::log(p.r + p.s + x);
  }
};

// ln of the "alive at T" part of the likelihood and of the whole likelihood.
struct CustomerLogs {
  double alive;
  double total;
};

// L = Gamma(r+x) alpha^r beta^s / Gamma(r) [(alpha+T)^-(r+x) (beta+T)^-s + s/(r+s+x) A0]
// (Hardie 2005, eqs. 18-20) with, for m = max(alpha, beta), n = min(alpha, beta),
//   A0 = F(t_x) - F(T),  F(t) = 2F1(r+s+x, b; r+s+x+1; z) / (m+t)^(r+s+x),  z = (m-n)/(m+t),
// b = s+1 when alpha >= beta, else r+x. With 2F1 = (1-z)^(1-b) G(z) and
// 1-z = (n+t)/(m+t), the logs of m+t_x, m+T, n+t_x and n+T are all it needs.
CustomerLogs customer_logs(const Terms& k, std::uint32_t x, double t_x, double t) {
  const ParetoNbdParams& p = k.p;
  const double r_x = p.r + x, rsx = r_x + p.s;
  const double b = k.alpha_larger ? p.s + 1.0 : r_x;
  const double log_q1 = std::log(k.larger + t_x), log_q2 = std::log(k.larger + t);
  const double log_n2 = std::log(k.smaller + t);
  const double log_alpha_t = k.alpha_larger ? log_q2 : log_n2;
  const double log_beta_t = k.alpha_larger ? log_n2 : log_q2;
  const double alive_rest = -r_x * log_alpha_t - p.s * log_beta_t;
  const double alive = k.gamma_ratio_of(x) + k.log_r_alpha_s_beta + alive_rest;
  double g1 = 1.0, g2 = 1.0, log_n1 = log_q1;
  if (k.gap > 0.0) {
    g1 = hyp2f1_a_a1_scaled(rsx, b, k.gap / (k.larger + t_x));
    g2 = hyp2f1_a_a1_scaled(rsx, b, k.gap / (k.larger + t));
    log_n1 = std::log(k.smaller + t_x);
  }
  // ln F(t_x) - ln G(t_x) and ln F(T) - ln G(T).
  const double e1 = (1.0 - b) * (log_n1 - log_q1) - rsx * log_q1;
  const double e2 = (1.0 - b) * (log_n2 - log_q2) - rsx * log_q2;
  const double diff = e2 - e1 + std::log(g2 / g1);  // ln F(T) - ln F(t_x), < 0 when t_x < T
  if (std::isnan(diff)) return {alive, diff};
  if (!(diff < 0.0)) return {alive, alive};  // t_x = T: A0 = 0
  // R = (s/(r+s+x)) A0 / ((alpha+T)^-(r+x) (beta+T)^-s): the odds of "dropped out".
  const double log_r = k.s_share_of(x) + e1 - alive_rest;
  constexpr double kExpSafe = 600.0;
  if (log_r < kExpSafe) {
    const double odds = std::exp(log_r) * g1 * -std::expm1(diff);
    return {alive, alive + std::log1p(odds)};
  }
  const double log_odds = log_r + std::log(g1) + std::log(-std::expm1(diff));
  return {alive, alive + log_odds + std::log1p(std::exp(-log_odds))};
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

// The search runs over ln r, ln(alpha/scale), ln s, ln(beta/scale) with scale
// the mean age, inside bounds just beyond what check_fit accepts: far out
// on a ridge (s and beta growing together, when every customer has the same
// dropout rate) 2F1's argument tends to 1 and its first parameter to
// infinity, and one evaluation there can take seconds. A fit stopped at a
// bound is refused by check_fit.
const double kSearchBound = std::log(10.0 * kMaxShape);
const double kLogRidgeShape = std::log(1e4);

ParetoNbdParams from_search(std::span<const double> theta, double scale) {
  return {std::exp(theta[0]), scale * std::exp(theta[1]), std::exp(theta[2]), scale * std::exp(theta[3])};
}

}  // namespace

double pareto_nbd_log_likelihood(const ParetoNbdParams& params, const BtydGroups& groups,
                                 const FitOptions& options) {
  return evaluate(params, groups, options.workers);
}

double pareto_nbd_customer_log_likelihood(const ParetoNbdParams& params, std::uint32_t x,
                                          double t_x, double t) {
  return customer_logs(Terms(params), x, t_x, t).total;
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
  const Objective objective = [&](std::span<const double> theta, std::span<double> gradient) {
    const ParetoNbdParams p = from_search(theta, mean_age);
    std::array<double, 4> g{};
    const double ll = pareto_nbd_log_likelihood_gradient(p, groups, options.workers, g);
    const std::array<double, 4> value{p.r, p.alpha, p.s, p.beta};
    for (std::size_t k = 0; k < 4; ++k) gradient[k] = -g[k] * value[k] / customers;
    return std::isfinite(ll) ? -ll / customers : HUGE_VAL;
  };
  // lifetimes starts at 1 with times scaled to a maximum age of 1.
  const double start = std::log(std::max(1e-3, max_age) / mean_age);
  MinimizeOptions search;
  search.lower_bound = -kSearchBound;
  search.upper_bound = kSearchBound;
  // A shape beyond kRidgeShape is a rate spread of under 1 % across
  // customers: the fit is running off along a ridge (see check_ridges), and
  // evaluations out there get slow, so the search stops and says so.
  const char* ran_off = nullptr;
  search.abandon_at = [&](std::span<const double> theta) {
    if (theta[0] > kLogRidgeShape) ran_off = "r and alpha";
    if (theta[2] > kLogRidgeShape) ran_off = "s and beta";
    return ran_off != nullptr;
  };
  std::vector<double> from{0.0, start, 0.0, start};
  if (groups.size() > kWarmStartAbove) {
    auto rough = fit_pareto_nbd(every_kth_group(groups, kWarmStartSample), options);
    if (rough.ok()) {
      const ParetoNbdParams& q = rough->params;
      from = {std::log(q.r), std::log(q.alpha / mean_age), std::log(q.s), std::log(q.beta / mean_age)};
    }
  }
  auto minimum = minimize(objective, from, search);
  if (!minimum.ok() && ran_off != nullptr) {
    return Error{ErrorCode::validation_failed,
                 std::string("pareto_nbd fit did not converge: ") + ran_off +
                     " run off together to infinity (every customer has about the same " +
                     (ran_off[0] == 'r' ? "purchase" : "dropout") +
                     " rate: a degenerate optimum; the data do not identify the model, use another model)",
                 "pareto_nbd"};
  }
  if (!minimum.ok()) return minimum.error();
  ParetoNbdFit fit;
  fit.params = from_search(minimum->x, mean_age);
  fit.log_likelihood = -minimum->value * customers;
  fit.evaluations = minimum->evaluations;
  const ParetoNbdParams& p = fit.params;
  auto usable = check_fit("pareto_nbd", *minimum,
                          {{"r", p.r}, {"alpha", p.alpha, mean_age}, {"s", p.s}, {"beta", p.beta, mean_age}},
                          fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  const std::array<double, 4> found{p.r, p.alpha, p.s, p.beta};
  constexpr std::array<const char*, 4> kNames{"r", "alpha", "s", "beta"};
  usable = check_ridges(
      "pareto_nbd", [&](std::span<const double> q) { return evaluate({q[0], q[1], q[2], q[3]}, groups, options.workers); },
      found, kNames, {{0, 1}, {2, 3}}, fit.log_likelihood);
  if (!usable.ok()) return usable.error();
  return fit;
}

double pareto_nbd_p_alive(const ParetoNbdParams& params, std::uint32_t x, double t_x, double t) {
  const CustomerLogs logs = customer_logs(Terms(params), x, t_x, t);
  return std::exp(logs.alive - logs.total);
}

double pareto_nbd_expected_purchases_if_alive(const ParetoNbdParams& p, double horizon, std::uint32_t x,
                                              double t) {
  if (horizon == 0) return 0.0;
  // (r+x)/(alpha+T) (beta+T)/(s-1) [1 - ((beta+T)/(beta+T+horizon))^(s-1)]
  const double log_ratio = std::log((p.beta + t) / (p.beta + t + horizon));  // < 0
  const double s1 = p.s - 1.0;
  const double bracket = std::fabs(s1 * log_ratio) < 1e-12 ? -log_ratio : -std::expm1(s1 * log_ratio) / s1;
  return (p.r + x) / (p.alpha + t) * (p.beta + t) * bracket;
}

double pareto_nbd_expected_purchases(const ParetoNbdParams& params, double horizon,
                                     std::uint32_t x, double t_x, double t) {
  assert(horizon >= 0 && t_x <= t);
  if (horizon == 0) return 0.0;
  return pareto_nbd_p_alive(params, x, t_x, t) * pareto_nbd_expected_purchases_if_alive(params, horizon, x, t);
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
          horizon == 0 ? 0.0 : out.p_alive[i] * pareto_nbd_expected_purchases_if_alive(params, horizon, x, groups.age[i]);
    }
  });
  return out;
}

}  // namespace patron::analytics
