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

constexpr double kTableTolerance = 1e-16;
constexpr double kTableMaxZ = 0.9;  // beyond, special_functions.cpp may switch formulas
constexpr std::size_t kMaxTableTerms = 400;    // 0.9^400 < 1e-18
constexpr std::uint32_t kMaxTableFrequency = 2000;  // bounds the table at 2001 x 400 x 3 doubles

struct Terms {
  ParetoNbdParams p;
  bool alpha_larger;
  double larger, smaller, gap;
  double log_alpha, log_beta;
  std::vector<double> log_gamma_ratio, digamma_ratio;  // ln Gamma(r+x)/Gamma(r) and its d/dr
  std::vector<double> log_s_share;                      // ln s/(r+s+x)
  // The coefficients of G's series depend on x only: c_n, c_n H(p)_n and
  // c_n H(q)_n (harmonic sums of 1/(p+k), 1/(q+k), k < n), tabulated per x
  // up to the terms the largest argument needs, so that each customer's sums
  // are multiply-adds without divisions.
  std::size_t table_terms = 0;
  double table_max_z = 0.0;
  std::uint32_t table_rows = 0;
  std::vector<double> c, cp, cq;

  Terms(const ParetoNbdParams& params, std::uint32_t max_x)
      : p(params), alpha_larger(params.alpha >= params.beta), larger(std::max(params.alpha, params.beta)),
        smaller(std::min(params.alpha, params.beta)), gap(larger - smaller),
        log_alpha(std::log(params.alpha)), log_beta(std::log(params.beta)),
        log_gamma_ratio(max_x + 1), digamma_ratio(max_x + 1), log_s_share(max_x + 1) {
    double sum = 0.0, d = 0.0;
    for (std::uint32_t x = 0; x <= max_x; ++x) {
      log_gamma_ratio[x] = sum, digamma_ratio[x] = d;
      log_s_share[x] = std::log(params.s) - std::log(params.r + params.s + x);
      sum += std::log(params.r + x);
      d += 1.0 / (params.r + x);
    }
    tabulate(std::min(max_x, kMaxTableFrequency));
  }

  void tabulate(std::uint32_t max_x) {
    table_max_z = std::min(kTableMaxZ, gap / larger);  // z = gap / (larger + t) is largest at t = 0
    if (table_max_z <= 0.0) return;
    table_terms = std::min<std::size_t>(
        kMaxTableTerms, static_cast<std::size_t>(std::ceil(std::log(kTableTolerance) / std::log(table_max_z))) + 2);
    table_rows = max_x + 1;
    c.resize(table_rows * table_terms), cp.resize(c.size()), cq.resize(c.size());
    for (std::uint32_t x = 0; x <= max_x; ++x) {
      const double a = p.r + p.s + x, b = alpha_larger ? p.s + 1.0 : p.r + x;
      const double pp = a + 1.0 - b, qq = a + 1.0;
      double coefficient = 1.0, harmonic_p = 0.0, harmonic_q = 0.0;
      double* row_c = &c[x * table_terms];
      for (std::size_t n = 0; n < table_terms; ++n) {
        row_c[n] = coefficient;
        cp[x * table_terms + n] = coefficient * harmonic_p;
        cq[x * table_terms + n] = coefficient * harmonic_q;
        coefficient *= (pp + n) / (qq + n);
        harmonic_p += 1.0 / (pp + n);
        harmonic_q += 1.0 / (qq + n);
      }
    }
  }

  // G, dG/da, dG/db, dG/dz from the table (x < table_rows, z <= table_max_z).
  ScaledHyp2f1 series(std::uint32_t x, double z) const {
    const double* row_c = &c[x * table_terms];
    const double* row_p = &cp[x * table_terms];
    const double* row_q = &cq[x * table_terms];
    double power = 1.0, previous = 0.0;  // z^n, z^(n-1)
    double sum = 0.0, d_p = 0.0, d_q = 0.0, d_z = 0.0;
    for (std::size_t n = 0; n < table_terms; ++n) {
      const double term = row_c[n] * power;
      sum += term;
      d_p += row_p[n] * power;
      d_q += row_q[n] * power;
      d_z += static_cast<double>(n) * row_c[n] * previous;
      if (term <= kTableTolerance * sum && n > 0) break;
      previous = power;
      power *= z;
    }
    return {sum, d_p - d_q, -d_p, d_z};
  }
};

// ln F(t) = (1-b)(ln(n+t) - ln(m+t)) - (r+s+x) ln(m+t) + ln G(r+s+x, b, (m-n)/(m+t))
// (pareto_nbd.cpp) and its gradient; m, n = max, min of alpha and beta.
// Leaves ln(m+t) and ln(n+t) in logs for the caller.
double log_f(const Terms& k, std::uint32_t x, double t, Vec& d, std::array<double, 2>& logs) {
  const ParetoNbdParams& p = k.p;
  const double r_x = p.r + x, rsx = r_x + p.s;
  const double b = k.alpha_larger ? p.s + 1.0 : r_x;
  const double q = k.larger + t, n = k.smaller + t;
  const double log_q = std::log(q), log_n = k.gap == 0.0 ? log_q : std::log(n);
  logs = {log_q, log_n};
  const double z = k.gap / q;
  const ScaledHyp2f1 g = z == 0.0                                    ? ScaledHyp2f1{1.0, 0.0, 0.0, (rsx + 1.0 - b) / (rsx + 1.0)}
                         : x < k.table_rows && z <= k.table_max_z ? k.series(x, z)
                                                                  : hyp2f1_a_a1_scaled_derivatives(rsx, b, z);
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
  return (1.0 - b) * (log_n - log_q) - rsx * log_q + (z == 0.0 ? 0.0 : std::log(g.value));
}

// One customer's log-likelihood, its gradient added (weighted) into sum.
double customer(const Terms& k, std::uint32_t x, double t_x, double t, double weight, Vec& sum) {
  const ParetoNbdParams& p = k.p;
  const double r_x = p.r + x;
  Vec d1{}, d2{};
  std::array<double, 2> logs_t{}, logs_at_t{};
  const double l1 = log_f(k, x, t_x, d1, logs_t), l2 = log_f(k, x, t, d2, logs_at_t);
  const double log_alpha_t = k.alpha_larger ? logs_at_t[0] : logs_at_t[1];
  const double log_beta_t = k.alpha_larger ? logs_at_t[1] : logs_at_t[0];
  const double alive_rest = -r_x * log_alpha_t - p.s * log_beta_t;
  const Vec d_head{k.digamma_ratio[x] + k.log_alpha, p.r / p.alpha, k.log_beta, p.s / p.beta};
  const Vec d_alive{-log_alpha_t, -r_x / (p.alpha + t), -log_beta_t, -p.s / (p.beta + t)};
  const double diff = l2 - l1;
  double total = k.log_gamma_ratio[x] + p.r * k.log_alpha + p.s * k.log_beta + alive_rest;
  Vec grad{};
  for (int j = 0; j < 4; ++j) grad[j] = d_head[j] + d_alive[j];
  if (diff < 0.0) {
    // ln of the "dropped out" part: ln s - ln(r+s+x) + l1 + ln(1 - e^diff).
    const double one_minus_rho = -std::expm1(diff);
    const double u = k.log_s_share[x] + l1 + std::log(one_minus_rho) - alive_rest;  // ln R
    const double e = std::exp(-std::fabs(u));
    const double alive_share = u > 0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
    total += std::max(u, 0.0) + std::log1p(e);
    const double rho = 1.0 - one_minus_rho;
    const double rsx = r_x + p.s;
    const Vec d_share{-1.0 / rsx, 0.0, 1.0 / p.s - 1.0 / rsx, 0.0};
    for (int j = 0; j < 4; ++j) {
      const double d_dead = d_share[j] + (d1[j] - rho * d2[j]) / one_minus_rho;
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
