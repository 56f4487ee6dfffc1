// MBG/NBD on the CDNOW summary: one-time buyers against lifetimes 0.11.3's
// ModifiedBetaGeoFitter, and the analytic gradient.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "analytics/mbgnbd.h"
#include "lifetimes_models.h"

namespace patron::analytics {
namespace {

using testing::cdnow_fit;
using testing::cdnow_groups;
using testing::close;
using testing::kMbgNbd;

// tests/analytics/reference/lifetimes_reference.py, section
// "== MBG/NBD on cdnow_customers_summary.csv ==" (the fit and the figures for
// seven customers are compared in lifetimes_models_test.cpp).
constexpr std::array<double, 4> kOneTimeBuyerAges{1, 13, 26, 52};
constexpr std::array<double, 4> kOneTimeBuyerPAlive{0.625988683209, 0.499873439206, 0.432400284308, 0.358277074689};

TEST(MbgNbd, OneTimeBuyersFadeWithTimeSincePurchase) {
  const MbgNbdParams& p = cdnow_fit(kMbgNbd).params;
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
    for (std::size_t k = 0; k < analytic.size(); ++k) {
      const double numeric = kMbgNbd.cdnow_central_difference(at, k, 1e-6);
      EXPECT_NEAR(analytic[k], numeric, 1e-5 * std::max(1.0, std::fabs(numeric))) << "parameter " << k;
    }
  }
}

}  // namespace
}  // namespace patron::analytics
