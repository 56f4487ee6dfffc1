// MBG/NBD and Pareto/NBD against lifetimes 0.11.3's ModifiedBetaGeoFitter
// and ParetoNBDFitter on the CDNOW summary: the same checks for each model.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "lifetimes_models.h"

namespace patron::analytics::testing {
namespace {

// A model as a type, for the typed tests.
template <const auto& model>
struct Model {
  static constexpr const auto& value = model;
};

struct ModelName {
  template <typename M>
  static std::string GetName(int) {
    return M::value.name;
  }
};

template <typename M>
class LifetimesModels : public ::testing::Test {};
using Models = ::testing::Types<Model<kMbgNbd>, Model<kParetoNbd>>;
TYPED_TEST_SUITE(LifetimesModels, Models, ModelName);

TYPED_TEST(LifetimesModels, ReproducesLifetimesParametersOnCdnow) {
  const auto& model = TypeParam::value;
  const LifetimesFigures lifetimes = lifetimes_figures(model.name);
  const auto& fit = cdnow_fit(model);
  for (std::size_t k = 0; k < model.parameters.size(); ++k) {
    EXPECT_PRED3(close, fit.params.*model.parameters[k], lifetimes.params[k], 1e-4) << "parameter " << k;
  }
  EXPECT_NEAR(fit.log_likelihood, lifetimes.log_likelihood, 1e-4);
  // At lifetimes' own optimum our likelihood is the same function.
  EXPECT_NEAR(model.cdnow_log_likelihood(model.params_at(lifetimes.params)), lifetimes.log_likelihood, 1e-6);
}

TYPED_TEST(LifetimesModels, PerCustomerFiguresMatchLifetimes) {
  const auto& model = TypeParam::value;
  const LifetimesFigures lifetimes = lifetimes_figures(model.name);
  ASSERT_EQ(lifetimes.customers.size(), 7u);
  // At our fit as close as the fits agree; with lifetimes' parameters the
  // formulas agree to rounding.
  for (const auto& [params, tolerance] :
       {std::pair{cdnow_fit(model).params, 1e-4}, std::pair{model.params_at(lifetimes.params), 1e-9}}) {
    for (const LifetimesCustomer& c : lifetimes.customers) {
      SCOPED_TRACE(::testing::Message() << "x " << c.x << " t_x " << c.t_x << " T " << c.t << " tolerance "
                                        << tolerance);
      EXPECT_PRED3(close, model.p_alive(params, c.x, c.t_x, c.t), c.p_alive, tolerance);
      EXPECT_PRED3(close, model.expected_purchases(params, 39.0, c.x, c.t_x, c.t), c.expected_39, tolerance);
    }
  }
}

}  // namespace
}  // namespace patron::analytics::testing
