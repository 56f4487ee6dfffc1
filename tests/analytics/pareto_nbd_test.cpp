// Pareto/NBD against lifetimes 0.11.3's ParetoNBDFitter on the CDNOW summary,
// and the 2F1 it needs against mpmath.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "analytics/pareto_nbd.h"
#include "analytics/pareto_nbd_gradient.h"
#include "analytics/special_functions.h"
#include "cdnow.h"

namespace patron::analytics {
namespace {

using testing::cdnow_groups;
using testing::close;

// tests/analytics/reference/lifetimes_reference.py, section
// "== Pareto/NBD on cdnow_customers_summary.csv ==".
constexpr std::array<double, 4> kParams{0.553275497746, 10.5776120213, 0.606213607665, 11.6679124073};
constexpr double kLogLikelihood = -9594.97392983;
struct Customer {
  std::uint32_t x;
  double t_x, t, p_alive, expected_39;
};
constexpr std::array<Customer, 7> kCustomers{{
    {2, 30.43, 38.86, 0.869118713481, 1.45511293552},
    {1, 1.71, 38.86, 0.16787197576, 0.17098051316},
    {0, 0.0, 38.86, 0.295097156938, 0.107059789655},
    {2, 35.71, 38.86, 0.958445491682, 1.60466736167},
    {1, 4.86, 38.86, 0.25125225927, 0.255904775219},
    {1, 6.14, 38.14, 0.294535790169, 0.303767941263},
    {0, 0.0, 33.57, 0.32944995303, 0.131570946751},
}};

const ParetoNbdFit& cdnow_fit() {
  static const ParetoNbdFit fit = [] {
    auto result = fit_pareto_nbd(cdnow_groups());
    if (!result.ok()) throw std::runtime_error(result.error().message);
    return *result;
  }();
  return fit;
}

TEST(ParetoNbd, ReproducesLifetimesParametersOnCdnow) {
  const ParetoNbdParams& p = cdnow_fit().params;
  const std::array<double, 4> fitted{p.r, p.alpha, p.s, p.beta};
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_PRED3(close, fitted[k], kParams[k], 1e-4) << "parameter " << k;
  }
  EXPECT_NEAR(cdnow_fit().log_likelihood, kLogLikelihood, 1e-4);
  const ParetoNbdParams theirs{kParams[0], kParams[1], kParams[2], kParams[3]};
  EXPECT_NEAR(pareto_nbd_log_likelihood(theirs, cdnow_groups()), kLogLikelihood, 1e-6);
}

TEST(ParetoNbd, PerCustomerFiguresMatchLifetimes) {
  const ParetoNbdParams& p = cdnow_fit().params;
  const ParetoNbdParams theirs{kParams[0], kParams[1], kParams[2], kParams[3]};
  for (const Customer& c : kCustomers) {
    SCOPED_TRACE(::testing::Message() << "x " << c.x << " t_x " << c.t_x << " T " << c.t);
    EXPECT_PRED3(close, pareto_nbd_p_alive(p, c.x, c.t_x, c.t), c.p_alive, 1e-4);
    EXPECT_PRED3(close, pareto_nbd_expected_purchases(p, 39.0, c.x, c.t_x, c.t), c.expected_39, 1e-4);
    EXPECT_PRED3(close, pareto_nbd_p_alive(theirs, c.x, c.t_x, c.t), c.p_alive, 1e-9);
    EXPECT_PRED3(close, pareto_nbd_expected_purchases(theirs, 39.0, c.x, c.t_x, c.t), c.expected_39, 1e-9);
  }
  // The batch path gives the same figures as the one-customer functions.
  const BgNbdPredictions all = predict_pareto_nbd(p, cdnow_groups(), 39.0);
  for (std::size_t g = 0; g < cdnow_groups().size(); g += 97) {
    const auto x = cdnow_groups().frequency[g];
    const double t_x = cdnow_groups().recency[g], t = cdnow_groups().age[g];
    EXPECT_DOUBLE_EQ(all.p_alive[g], pareto_nbd_p_alive(p, x, t_x, t));
    EXPECT_NEAR(all.expected_purchases[g], pareto_nbd_expected_purchases(p, 39.0, x, t_x, t), 1e-15);
  }
}

TEST(ParetoNbd, OneTimeBuyersFadeAndRecentBuyersStay) {
  const ParetoNbdParams& p = cdnow_fit().params;
  EXPECT_GT(pareto_nbd_p_alive(p, 0, 0.0, 1.0), pareto_nbd_p_alive(p, 0, 0.0, 52.0));
  EXPECT_DOUBLE_EQ(pareto_nbd_p_alive(p, 3, 20.0, 20.0), 1.0);  // bought at the end of the period
}

TEST(ParetoNbd, GradientMatchesFiniteDifferences) {
  // Both orders of alpha and beta (two branches of the formula), and far
  // apart so that some 2F1 arguments pass 0.9.
  for (const ParetoNbdParams at : {ParetoNbdParams{0.55, 10.6, 0.61, 11.7}, ParetoNbdParams{0.8, 14.0, 1.3, 6.0},
                                   ParetoNbdParams{2.0, 400.0, 0.4, 3.0}, ParetoNbdParams{0.3, 2.0, 0.9, 300.0}}) {
    std::array<double, 4> analytic{};
    const double ll = pareto_nbd_log_likelihood_gradient(at, cdnow_groups(), 1, analytic);
    EXPECT_NEAR(ll, pareto_nbd_log_likelihood(at, cdnow_groups()), 1e-8 * std::fabs(ll));
    for (int k = 0; k < 4; ++k) {
      ParetoNbdParams up = at, down = at;
      double* u = k == 0 ? &up.r : k == 1 ? &up.alpha : k == 2 ? &up.s : &up.beta;
      double* d = k == 0 ? &down.r : k == 1 ? &down.alpha : k == 2 ? &down.s : &down.beta;
      const double h = 1e-6 * *u;
      *u += h, *d -= h;
      const double numeric =
          (pareto_nbd_log_likelihood(up, cdnow_groups()) - pareto_nbd_log_likelihood(down, cdnow_groups())) / (2 * h);
      EXPECT_NEAR(analytic[k], numeric, 1e-5 * std::max(1.0, std::fabs(numeric)))
          << "parameter " << k << " at " << at.r << " " << at.alpha << " " << at.s << " " << at.beta;
    }
  }
}

TEST(ParetoNbd, HypergeometricDerivativesMatchFiniteDifferences) {
  // Series (z <= 0.9), the connection formula (z near 1, a(1-z) <= 2) with
  // b below 1, between 1 and 2, above 2, and near the pole at b = 2.
  const std::array<std::array<double, 3>, 7> points{{{1.16, 1.6, 0.3},
                                                     {3.2, 2.55, 0.85},
                                                     {2.6, 1.6, 0.99},
                                                     {4.5, 0.7, 0.95},
                                                     {30.5, 3.4, 0.97},
                                                     {6.3, 2.0004, 0.999},
                                                     {1.3, 1.2, 0.999999}}};
  for (const auto& [a, b, z] : points) {
    const ScaledHyp2f1 g = hyp2f1_a_a1_scaled_derivatives(a, b, z);
    EXPECT_NEAR(g.value, hyp2f1_a_a1_scaled(a, b, z), 1e-12 * g.value);
    const double ha = 1e-6 * a, hb = 1e-6 * b, hz = 1e-4 * (1 - z);
    const double da = (hyp2f1_a_a1_scaled(a + ha, b, z) - hyp2f1_a_a1_scaled(a - ha, b, z)) / (2 * ha);
    const double db = (hyp2f1_a_a1_scaled(a, b + hb, z) - hyp2f1_a_a1_scaled(a, b - hb, z)) / (2 * hb);
    const double dz = (hyp2f1_a_a1_scaled(a, b, z + hz) - hyp2f1_a_a1_scaled(a, b, z - hz)) / (2 * hz);
    const double scale = std::max({1.0, std::fabs(da), std::fabs(db)});
    EXPECT_NEAR(g.d_a, da, 1e-6 * scale) << a << " " << b << " " << z;
    EXPECT_NEAR(g.d_b, db, 1e-6 * scale) << a << " " << b << " " << z;
    EXPECT_NEAR(g.d_z, dz, 1e-6 * std::max(1.0, std::fabs(dz))) << a << " " << b << " " << z;
  }
}

// ln 2F1(a, b; a+1; z) against mpmath.hyp2f1 at 40 digits (log taken there),
// across the series, the 1-z connection formula and its near-integer b.
TEST(ParetoNbd, HypergeometricMatchesMpmath) {
  struct Case {
    double a, b, z, log_value;
  };
  const Case cases[] = {
      {1.15940, 1.60621, 0.0934, 0.084224591410945573},
      {3.15940, 2.55328, 0.5, 1.3102962098776828},
      {22.6, 1.6, 0.95, 4.1151221874338585},
      {2.6, 1.6, 0.99999, 8.3709662498831446},
      {6.3, 1.0, 0.999999999, 4.7521913589787},
      {101.24, 2.0, 0.99, 8.316925893995796},
      {1.0500001, 2.0000001000000003, 0.91, 2.445076083614968},
  };
  for (const Case& c : cases) {
    EXPECT_NEAR(log_hyp2f1_a_a1(c.a, c.b, c.z), c.log_value, 1e-9 * std::max(1.0, std::fabs(c.log_value)))
        << c.a << " " << c.b << " " << c.z;
  }
  EXPECT_TRUE(std::isnan(log_hyp2f1_a_a1(1.0, 3.0, 0.5)));  // a + 1 - b <= 0
}

}  // namespace
}  // namespace patron::analytics
