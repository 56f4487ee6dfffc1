// Pareto/NBD on the CDNOW summary: the batch path, the analytic gradient, and
// the 2F1 it needs against mpmath.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "analytics/pareto_nbd.h"
#include "analytics/pareto_nbd_gradient.h"
#include "analytics/special_functions.h"
#include "lifetimes_models.h"

namespace patron::analytics {
namespace {

using testing::cdnow_fit;
using testing::cdnow_groups;
using testing::kParetoNbd;

// lifetimes_models_test.cpp compares the fit and the figures for seven
// customers with lifetimes'.
TEST(ParetoNbd, TheBatchPathGivesTheOneCustomerFigures) {
  const ParetoNbdParams& p = cdnow_fit(kParetoNbd).params;
  const BgNbdPredictions all = predict_pareto_nbd(p, cdnow_groups(), 39.0);
  for (std::size_t g = 0; g < cdnow_groups().size(); g += 97) {
    const auto x = cdnow_groups().frequency[g];
    const double t_x = cdnow_groups().recency[g], t = cdnow_groups().age[g];
    EXPECT_DOUBLE_EQ(all.p_alive[g], pareto_nbd_p_alive(p, x, t_x, t));
    EXPECT_NEAR(all.expected_purchases[g], pareto_nbd_expected_purchases(p, 39.0, x, t_x, t), 1e-15);
  }
}

TEST(ParetoNbd, OneTimeBuyersFadeAndRecentBuyersStay) {
  const ParetoNbdParams& p = cdnow_fit(kParetoNbd).params;
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
    for (std::size_t k = 0; k < analytic.size(); ++k) {
      const double numeric = kParetoNbd.cdnow_central_difference(at, k, 1e-6 * at.*kParetoNbd.parameters[k]);
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
