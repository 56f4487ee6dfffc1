#include "analytics/pareto_nbd_gradient.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "analytics/parallel.h"
#include "analytics/special_functions.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinGroupsPerWorker = 5'000;
using Vec = std::array<double, 4>;  // d/d(r, alpha, s, beta)

struct Terms {
  ParetoNbdParams p;
  bool alpha_larger;
  double larger, smaller, gap;
  std::vector<double> log_gamma_ratio, digamma_ratio;  // ln Gamma(r+x)/Gamma(r) and its d/dr

  Terms(const ParetoNbdParams& params, std::uint32_t max_x)
      : p(params), alpha_larger(params.alpha >= params.beta), larger(std::max(params.alpha, params.beta)),
        smaller(std::min(params.alpha, params.beta)), gap(larger - smaller),
        log_gamma_ratio(max_x + 1), digamma_ratio(max_x + 1) {
    double sum = 0.0, d = 0.0;
    for (std::uint32_t x = 0; x <= max_x; ++x) {
      log_gamma_ratio[x] = sum, digamma_ratio[x] = d;
      sum += std::log(params.r + x);
      d += 1.0 / (params.r + x);
    }
  }
};

// ln F(t) = (1-b)(ln(n+t) - ln(m+t)) - (r+s+x) ln(m+t) + ln G(r+s+x, b, (m-n)/(m+t))
// (pareto_nbd.cpp) and its gradient; m, n = max, min of alpha and beta.
double log_f(const Terms& k, double r_x, double t, Vec& d) {
  const ParetoNbdParams& p = k.p;
  const double rsx = r_x + p.s;
  const double b = k.alpha_larger ? p.s + 1.0 : r_x;
  const double q = k.larger + t, n = k.smaller + t;
  const double log_q = std::log(q), log_n = std::log(n);
  const ScaledHyp2f1 g = hyp2f1_a_a1_scaled_derivatives(rsx, b, k.gap / q);
  const double dg_a = g.d_a / g.value, dg_b = g.d_b / g.value, dg_z = g.d_z / g.value;
  if (k.alpha_larger) {  // b = s+1, q = alpha+t, n = beta+t, z = (alpha-beta)/q
    d[0] = -log_q + dg_a;
    d[1] = p.s / q - rsx / q + dg_z * n / (q * q);
    d[2] = -(log_n - log_q) - log_q + dg_a + dg_b;
    d[3] = -p.s / n - dg_z / q;
  } else {  // b = r+x, q = beta+t, n = alpha+t, z = (beta-alpha)/q
    d[0] = -(log_n - log_q) - log_q + dg_a + dg_b;
    d[1] = (1.0 - r_x) / n - dg_z / q;
    d[2] = -log_q + dg_a;
    d[3] = -(1.0 - r_x) / q - rsx / q + dg_z * n / (q * q);
  }
  return (1.0 - b) * (log_n - log_q) - rsx * log_q + std::log(g.value);
}

// One customer's log-likelihood, its gradient added (weighted) into sum.
double customer(const Terms& k, std::uint32_t x, double t_x, double t, double weight, Vec& sum) {
  const ParetoNbdParams& p = k.p;
  const double r_x = p.r + x, rsx = r_x + p.s;
  const double log_alpha_t = std::log(p.alpha + t), log_beta_t = std::log(p.beta + t);
  const double alive_rest = -r_x * log_alpha_t - p.s * log_beta_t;
  const Vec d_head{k.digamma_ratio[x] + std::log(p.alpha), p.r / p.alpha, std::log(p.beta), p.s / p.beta};
  const Vec d_alive{-log_alpha_t, -r_x / (p.alpha + t), -log_beta_t, -p.s / (p.beta + t)};
  const double head = k.log_gamma_ratio[x] + p.r * std::log(p.alpha) + p.s * std::log(p.beta);
  Vec d1{}, d2{};
  const double l1 = log_f(k, r_x, t_x, d1), l2 = log_f(k, r_x, t, d2);
  const double diff = l2 - l1;
  double total = head + alive_rest;
  Vec grad{};
  for (int j = 0; j < 4; ++j) grad[j] = d_head[j] + d_alive[j];
  if (diff < 0.0) {
    // ln of the "dropped out" part: ln s - ln(r+s+x) + l1 + ln(1 - e^diff).
    const double log_dead = std::log(p.s) - std::log(rsx) + l1 + std::log(-std::expm1(diff));
    const double u = log_dead - alive_rest;  // ln R
    const double alive_share = u > 0 ? std::exp(-u) / (1.0 + std::exp(-u)) : 1.0 / (1.0 + std::exp(u));
    total += u > 0 ? u + std::log1p(std::exp(-u)) : std::log1p(std::exp(u));
    const double rho = std::exp(diff);
    const Vec d_share{-1.0 / rsx, 0.0, 1.0 / p.s - 1.0 / rsx, 0.0};
    for (int j = 0; j < 4; ++j) {
      const double d_dead = d_share[j] + (d1[j] - rho * d2[j]) / (1.0 - rho);
      grad[j] = d_head[j] + alive_share * d_alive[j] + (1.0 - alive_share) * d_dead;
    }
  }
  for (int j = 0; j < 4; ++j) sum[j] += weight * grad[j];
  return total;
}

}  // namespace

double pareto_nbd_log_likelihood_gradient(const ParetoNbdParams& params, const BtydGroups& groups,
                                          unsigned workers, std::array<double, 4>& gradient) {
  const Terms terms(params, groups.max_frequency);
  const unsigned used = workers_for(groups.size(), kMinGroupsPerWorker, workers);
  std::vector<double> partial_ll(used, 0.0);
  std::vector<Vec> partial_gradient(used, Vec{});
  parallel_chunks(groups.size(), used, [&](std::size_t begin, std::size_t end, unsigned worker) {
    double ll = 0.0;
    Vec g{};
    for (std::size_t i = begin; i < end; ++i) {
      ll += groups.weight[i] * customer(terms, groups.frequency[i], groups.recency[i], groups.age[i],
                                        groups.weight[i], g);
    }
    partial_ll[worker] = ll;
    partial_gradient[worker] = g;
  });
  gradient = Vec{};
  double ll = 0.0;
  for (unsigned w = 0; w < used; ++w) {
    ll += partial_ll[w];
    for (int j = 0; j < 4; ++j) gradient[j] += partial_gradient[w][j];
  }
  return ll;
}

}  // namespace patron::analytics
