// MBG/NBD against lifetimes 0.11.3's ModifiedBetaGeoFitter on the CDNOW summary.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "analytics/mbgnbd.h"
#include "cdnow.h"

namespace patron::analytics {
namespace {

using testing::cdnow_groups;
using testing::close;

// tests/analytics/reference/lifetimes_reference.py, section
// "== MBG/NBD on cdnow_customers_summary.csv ==".
constexpr std::array<double, 4> kParams{0.524837725568, 6.18298847913, 0.891356280931, 1.61400002567};
constexpr double kLogLikelihood = -9582.1326849;
struct Customer {
  std::uint32_t x;
  double t_x, t, p_alive, expected_39;
};
constexpr std::array<Customer, 7> kCustomers{{
    {2, 30.43, 38.86, 0.706126258715, 1.26267077871},
    {1, 1.71, 38.86, 0.170819630092, 0.188789240371},
    {0, 0.0, 38.86, 0.38971644205, 0.153953644367},
    {2, 35.71, 38.86, 0.771496112243, 1.37956291074},
    {1, 4.86, 38.86, 0.255829841959, 0.28274222056},
    {1, 6.14, 38.14, 0.294016501344, 0.329428176903},
    {0, 0.0, 33.57, 0.405419181136, 0.178670353483},
}};
constexpr std::array<double, 4> kOneTimeBuyerAges{1, 13, 26, 52};
constexpr std::array<double, 4> kOneTimeBuyerPAlive{0.625988683209, 0.499873439206, 0.432400284308, 0.358277074689};

const MbgNbdFit& cdnow_fit() {
  static const MbgNbdFit fit = [] {
    auto result = fit_mbgnbd(cdnow_groups());
    if (!result.ok()) throw std::runtime_error(result.error().message);
    return *result;
  }();
  return fit;
}

TEST(MbgNbd, ReproducesLifetimesParametersOnCdnow) {
  const MbgNbdParams& p = cdnow_fit().params;
  const std::array<double, 4> fitted{p.r, p.alpha, p.a, p.b};
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_PRED3(close, fitted[k], kParams[k], 1e-4) << "parameter " << k;
  }
  EXPECT_NEAR(cdnow_fit().log_likelihood, kLogLikelihood, 1e-4);
  // At lifetimes' own optimum our likelihood is the same function.
  const MbgNbdParams theirs{kParams[0], kParams[1], kParams[2], kParams[3]};
  EXPECT_NEAR(mbgnbd_log_likelihood(theirs, cdnow_groups()), kLogLikelihood, 1e-6);
}

TEST(MbgNbd, PerCustomerFiguresMatchLifetimes) {
  const MbgNbdParams& p = cdnow_fit().params;
  for (const Customer& c : kCustomers) {
    SCOPED_TRACE(::testing::Message() << "x " << c.x << " t_x " << c.t_x << " T " << c.t);
    EXPECT_PRED3(close, mbgnbd_p_alive(p, c.x, c.t_x, c.t), c.p_alive, 1e-4);
    EXPECT_PRED3(close, mbgnbd_expected_purchases(p, 39.0, c.x, c.t_x, c.t), c.expected_39, 1e-4);
  }
  // With lifetimes' parameters the formulas agree to rounding.
  const MbgNbdParams theirs{kParams[0], kParams[1], kParams[2], kParams[3]};
  for (const Customer& c : kCustomers) {
    EXPECT_PRED3(close, mbgnbd_p_alive(theirs, c.x, c.t_x, c.t), c.p_alive, 1e-9);
    EXPECT_PRED3(close, mbgnbd_expected_purchases(theirs, 39.0, c.x, c.t_x, c.t), c.expected_39, 1e-9);
  }
}

TEST(MbgNbd, OneTimeBuyersFadeWithTimeSincePurchase) {
  const MbgNbdParams& p = cdnow_fit().params;
  double before = 1.0;
  for (std::size_t k = 0; k < kOneTimeBuyerAges.size(); ++k) {
    const double alive = mbgnbd_p_alive(p, 0, 0.0, kOneTimeBuyerAges[k]);
    EXPECT_PRED3(close, alive, kOneTimeBuyerPAlive[k], 1e-4) << "T " << kOneTimeBuyerAges[k];
    EXPECT_LT(alive, before);
    before = alive;
  }
  EXPECT_LT(mbgnbd_p_alive(p, 0, 0.0, 1000.0), 0.2);
}

TEST(MbgNbd, GradientMatchesFiniteDifferences) {
  for (const MbgNbdParams at : {MbgNbdParams{0.3, 5.0, 0.7, 2.0}, MbgNbdParams{1.5, 0.8, 2.5, 0.6}}) {
    std::array<double, 4> analytic{};
    mbgnbd_log_likelihood(at, cdnow_groups(), &analytic);
    for (int k = 0; k < 4; ++k) {
      const double h = 1e-6;
      MbgNbdParams up = at, down = at;
      double* up_k = k == 0 ? &up.r : k == 1 ? &up.alpha : k == 2 ? &up.a : &up.b;
      double* down_k = k == 0 ? &down.r : k == 1 ? &down.alpha : k == 2 ? &down.a : &down.b;
      *up_k += h, *down_k -= h;
      const double numeric =
          (mbgnbd_log_likelihood(up, cdnow_groups()) - mbgnbd_log_likelihood(down, cdnow_groups())) / (2 * h);
      EXPECT_NEAR(analytic[k], numeric, 1e-5 * std::max(1.0, std::fabs(numeric))) << "parameter " << k;
    }
  }
}

}  // namespace
}  // namespace patron::analytics
