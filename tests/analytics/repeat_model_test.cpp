// The one door over the three purchase models gives each model's own figures.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analytics/clv.h"
#include "analytics/repeat_model.h"
#include "cdnow.h"

namespace patron::analytics {
namespace {

using testing::cdnow_groups;

TEST(RepeatModel, NamesRoundTrip) {
  for (RepeatModel model : kRepeatModels) {
    EXPECT_EQ(parse_model(model_name(model)), model);
  }
  EXPECT_FALSE(parse_model("pareto").has_value());
  EXPECT_STREQ(parameter_names(RepeatModel::pareto_nbd)[2], "s");
  EXPECT_STREQ(model_title(RepeatModel::mbgnbd), "MBG/NBD");
}

TEST(RepeatModel, DispatchMatchesEachModelsOwnFunctions) {
  for (RepeatModel model : kRepeatModels) {
    SCOPED_TRACE(model_name(model));
    auto fit = fit_repeat_model(model, cdnow_groups());
    ASSERT_TRUE(fit.ok()) << fit.error().message;
    const auto& q = fit->params;
    const BgNbdPredictions all = predict_repeat_model(*fit, cdnow_groups(), 39.0);
    for (std::size_t g = 0; g < cdnow_groups().size(); g += 53) {
      const auto x = cdnow_groups().frequency[g];
      const double t_x = cdnow_groups().recency[g], t = cdnow_groups().age[g];
      double alive = 0, expected = 0;
      if (model == RepeatModel::bgnbd) {
        alive = bgnbd_p_alive({q[0], q[1], q[2], q[3]}, x, t_x, t);
        expected = bgnbd_expected_purchases({q[0], q[1], q[2], q[3]}, 39.0, x, t_x, t);
      } else if (model == RepeatModel::mbgnbd) {
        alive = mbgnbd_p_alive({q[0], q[1], q[2], q[3]}, x, t_x, t);
        expected = mbgnbd_expected_purchases({q[0], q[1], q[2], q[3]}, 39.0, x, t_x, t);
      } else {
        alive = pareto_nbd_p_alive({q[0], q[1], q[2], q[3]}, x, t_x, t);
        expected = pareto_nbd_expected_purchases({q[0], q[1], q[2], q[3]}, 39.0, x, t_x, t);
      }
      EXPECT_DOUBLE_EQ(repeat_p_alive(*fit, x, t_x, t), alive);
      EXPECT_DOUBLE_EQ(repeat_expected_purchases(*fit, 39.0, x, t_x, t), expected);
      EXPECT_NEAR(all.p_alive[g], alive, 1e-12);
      EXPECT_NEAR(all.expected_purchases[g], expected, 1e-12);
      // Discounted purchases: below the undiscounted total over the horizon, above zero.
      const ClvOptions clv{39.0, 30.0 / 7.0, 0.01};
      const double discounted = repeat_discounted_expected_purchases(*fit, x, t_x, t, clv);
      EXPECT_GT(discounted, 0.0);
      EXPECT_LT(discounted, expected);
      if (model == RepeatModel::bgnbd) {
        EXPECT_DOUBLE_EQ(discounted, discounted_expected_purchases({q[0], q[1], q[2], q[3]}, x, t_x, t, clv));
      }
    }
  }
}

// Periods of days instead of weeks: the time scales alpha (and beta) grow 7
// times, the shapes stay, and the log-likelihood shifts by -sum(x) ln 7 (the
// density of x purchase times in the finer unit).
TEST(RepeatModel, FitsDoNotDependOnTheTimeUnit) {
  const auto table = testing::load_published_summary("cdnow_customers_summary.csv");
  std::vector<double> recency_days, age_days;
  double purchases = 0;
  for (std::size_t i = 0; i < table.summary.size(); ++i) {
    recency_days.push_back(7.0 * table.summary.recency[i]);
    age_days.push_back(7.0 * table.summary.age[i]);
    purchases += table.summary.frequency[i];
  }
  const BtydGroups days = group_by_sufficient_statistics(table.summary.frequency, recency_days, age_days);
  for (RepeatModel model : kRepeatModels) {
    SCOPED_TRACE(model_name(model));
    auto weekly = fit_repeat_model(model, cdnow_groups());
    auto daily = fit_repeat_model(model, days);
    ASSERT_TRUE(weekly.ok() && daily.ok());
    for (std::size_t k = 0; k < 4; ++k) {
      const bool time_scale = k == 1 || (model == RepeatModel::pareto_nbd && k == 3);
      EXPECT_NEAR(daily->params[k], weekly->params[k] * (time_scale ? 7.0 : 1.0), 1e-5 * daily->params[k]) << k;
    }
    EXPECT_NEAR(daily->log_likelihood, weekly->log_likelihood - purchases * std::log(7.0), 1e-5);
    EXPECT_NEAR(repeat_p_alive(*daily, 2, 7 * 30.43, 7 * 38.86), repeat_p_alive(*weekly, 2, 30.43, 38.86), 1e-6);
  }
}

}  // namespace
}  // namespace patron::analytics
