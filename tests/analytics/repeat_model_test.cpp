// The one door over the three purchase models gives each model's own figures.
#include <gtest/gtest.h>

#include <cmath>

#include "analytics/clv.h"
#include "analytics/repeat_model.h"
#include "cdnow.h"

namespace patron::analytics {
namespace {

const BtydGroups& cdnow_groups() {
  static const BtydGroups groups = [] {
    const auto table = testing::load_published_summary("cdnow_customers_summary.csv");
    return group_by_sufficient_statistics(table.summary.frequency, table.summary.recency, table.summary.age);
  }();
  return groups;
}

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

}  // namespace
}  // namespace patron::analytics
