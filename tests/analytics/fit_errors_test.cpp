// A fit that cannot be trusted is an error, never numbers (issue 14): each
// model refuses a 3-customer history whose optimum runs off to infinity.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "analytics/fit_check.h"
#include "analytics/gamma_gamma.h"
#include "analytics/minimize.h"
#include "analytics/repeat_model.h"

namespace patron::analytics {
namespace {

BtydGroups three_customers() {
  const std::array<std::uint32_t, 3> x{1, 2, 0};
  const std::array<double, 3> t_x{5.0, 10.0, 0.0};
  const std::array<double, 3> t{20.0, 30.0, 15.0};
  return group_by_sufficient_statistics(x, t_x, t);
}

TEST(FitErrors, ThreeCustomersGiveAnErrorNotNumbers) {
  const BtydGroups groups = three_customers();
  for (RepeatModel model : kRepeatModels) {
    SCOPED_TRACE(model_name(model));
    auto fit = fit_repeat_model(model, groups);
    if (fit.ok()) {
      ADD_FAILURE() << "fitted " << fit->params[0] << " " << fit->params[1] << " " << fit->params[2]
                    << " " << fit->params[3] << " ll " << fit->log_likelihood;
      continue;
    }
    EXPECT_EQ(fit.error().code, ErrorCode::validation_failed);
    EXPECT_EQ(fit.error().field, model_name(model));
    EXPECT_NE(fit.error().message.find("did not converge"), std::string::npos) << fit.error().message;
  }
}

// A likelihood that depends on r and alpha only through r/alpha (everyone
// buys at the same rate) has no maximum: scaling both by 10 costs nothing,
// so the fit is refused wherever the optimizer stopped on that ridge.
TEST(FitErrors, RidgeToInfinityIsRefusedWhereverTheOptimizerStops) {
  const LogLikelihoodAt rate_only = [](std::span<const double> v) {
    return -std::pow(v[0] / v[1] - 0.5, 2) - std::pow(v[2] - 1.0, 2) - std::pow(v[3] - 2.0, 2);
  };
  constexpr std::array<const char*, 4> kNames{"r", "alpha", "a", "b"};
  const std::array<double, 4> on_ridge{40.0, 80.0, 1.0, 2.0};
  const Status flat = check_ridges("bgnbd", rate_only, on_ridge, kNames, {{0, 1}, {2, 3}}, rate_only(on_ridge));
  ASSERT_FALSE(flat.ok());
  EXPECT_NE(flat.error().message.find("r and alpha run off together"), std::string::npos) << flat.error().message;
  const LogLikelihoodAt peaked = [](std::span<const double> v) {
    return -std::pow(v[0] - 0.5, 2) - std::pow(v[1] - 1.0, 2) - std::pow(v[2] - 1.0, 2) - std::pow(v[3] - 2.0, 2);
  };
  const std::array<double, 4> peak{0.5, 1.0, 1.0, 2.0};
  EXPECT_TRUE(check_ridges("bgnbd", peaked, peak, kNames, {{0, 1}, {2, 3}}, peaked(peak)).ok());
}

TEST(FitErrors, EvaluationLimitIsNotConvergence) {
  const Objective slow = [](std::span<const double> x, std::span<double> gradient) {
    gradient[0] = std::sinh(x[0] - 3);
    return std::cosh(x[0] - 3);
  };
  MinimizeOptions options;
  options.max_evaluations = 1;
  auto minimum = minimize(slow, {0.0}, options);
  ASSERT_TRUE(minimum.ok());
  EXPECT_TRUE(minimum->evaluation_limit_reached);
  const Status checked = check_fit("test", *minimum, {{"x", std::exp(minimum->x[0])}}, -1.0);
  ASSERT_FALSE(checked.ok());
  EXPECT_NE(checked.error().message.find("limit"), std::string::npos) << checked.error().message;
}

TEST(FitErrors, NoCustomersIsAnError) {
  for (RepeatModel model : kRepeatModels) EXPECT_FALSE(fit_repeat_model(model, BtydGroups{}).ok());
}

TEST(FitErrors, GammaGammaOnIdenticalSpendIsAnError) {
  // Every repeat purchase worth the same: no spread to fit, q and gamma run off.
  const std::array<std::uint32_t, 3> x{1, 2, 3};
  const std::array<double, 3> spend{10.0, 10.0, 10.0};
  auto fit = fit_gamma_gamma(x, spend);
  ASSERT_FALSE(fit.ok()) << fit->params.p << " " << fit->params.q << " " << fit->params.gamma;
  EXPECT_EQ(fit.error().field, "gamma_gamma");
}

}  // namespace
}  // namespace patron::analytics
