// Calibration/holdout split against lifetimes' calibration_and_holdout_data
// on CDNOW_master.txt, and the model comparison on that split.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <map>
#include <numeric>

#include "analytics/holdout.h"
#include "analytics/model_comparison.h"
#include "analytics/transaction_file.h"
#include "test_data.h"

namespace patron::analytics {
namespace {

const TransactionTable& master() {
  static const TransactionTable table = [] {
    auto input = testing::open_or_fail(testing::shared_data("cdnow/CDNOW_master.txt"));
    ReadReport report;
    auto read = read_transactions(input, TransactionFormat::cdnow, report);
    if (!read.ok()) throw std::runtime_error(read.error().message);
    return std::move(read).value();
  }();
  return table;
}

const HoldoutOptions kSplit{day_from_civil(1997, 9, 30), day_from_civil(1998, 6, 30), Period::weeks, 100.0};

const CalibrationHoldout& cdnow_split() {
  static const CalibrationHoldout split = [] {
    auto result = calibration_and_holdout(master().purchases, master().customer_count(), kSplit);
    if (!result.ok()) throw std::runtime_error(result.error().message);
    return std::move(result).value();
  }();
  return split;
}

// tests/analytics/reference/lifetimes_reference.py, section "==
// calibration_and_holdout_data on CDNOW_master.txt, 1997-09-30 / 1998-06-30,
// days / 7 ==" (freq="D", freq_multiplier=7).
struct Row {
  const char* id;
  std::uint32_t frequency_cal;
  double recency_cal, t_cal;
  std::uint32_t frequency_holdout;
};
constexpr std::array<Row, 7> kRows{{
    {"00001", 0, 0, 38.8571428571, 0},
    {"00004", 2, 30.4285714286, 38.8571428571, 1},
    {"00100", 0, 0, 38.8571428571, 2},
    {"00137", 0, 0, 38.8571428571, 0},
    {"01000", 0, 0, 36.1428571429, 0},
    {"12345", 0, 0, 32.5714285714, 0},
    {"23569", 0, 0, 27, 0},
}};

TEST(Holdout, SplitMatchesLifetimesOnCdnowMaster) {
  const CalibrationHoldout& split = cdnow_split();
  const CustomerSummary& cal = split.calibration;
  ASSERT_EQ(cal.size(), 23570u);
  EXPECT_DOUBLE_EQ(split.holdout_duration, 39.0);
  EXPECT_EQ(std::accumulate(cal.frequency.begin(), cal.frequency.end(), 0.0), 24337.0);
  EXPECT_NEAR(std::accumulate(cal.recency.begin(), cal.recency.end(), 0.0), 161377.714286, 1e-5);
  EXPECT_NEAR(std::accumulate(cal.age.begin(), cal.age.end(), 0.0), 771390.857143, 1e-5);
  const auto& holdout = split.holdout_frequency;
  EXPECT_EQ(std::accumulate(holdout.begin(), holdout.end(), 0.0), 19684.0);
  EXPECT_EQ(std::count_if(holdout.begin(), holdout.end(), [](auto f) { return f > 0; }), 7058);
  std::map<std::string, std::size_t> row_of;
  for (std::size_t row = 0; row < cal.size(); ++row) row_of[master().customer_ids[cal.customer_index[row]]] = row;
  for (const Row& expected : kRows) {
    SCOPED_TRACE(expected.id);
    const std::size_t row = row_of.at(expected.id);
    EXPECT_EQ(cal.frequency[row], expected.frequency_cal);
    EXPECT_NEAR(cal.recency[row], expected.recency_cal, 1e-9);
    EXPECT_NEAR(cal.age[row], expected.t_cal, 1e-9);
    EXPECT_EQ(holdout[row], expected.frequency_holdout);
  }
}

TEST(Holdout, RefusesEmptyPeriods) {
  const auto& purchases = master().purchases;
  const std::size_t n = master().customer_count();
  EXPECT_FALSE(calibration_and_holdout(purchases, n, {kSplit.calibration_end, kSplit.calibration_end,
                                                      Period::weeks, 100.0}).ok());
  EXPECT_FALSE(calibration_and_holdout(purchases, n, {day_from_civil(1990, 1, 1), day_from_civil(1991, 1, 1),
                                                      Period::weeks, 100.0}).ok());
  const auto none = calibration_and_holdout(purchases, n, {day_from_civil(1998, 6, 30), day_from_civil(1999, 1, 1),
                                                           Period::weeks, 100.0});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("holdout"), std::string::npos);
}

// The chart rows of plot_calibration_purchases_vs_holdout_purchases for
// MBG/NBD fitted on the calibration: section "== models fitted on that
// calibration, predicted holdout purchases ==" ({frequency, actual, predicted}).
constexpr std::array<double, 4> kMbgCalibrationParams{0.637139738577, 7.31029017006, 0.807474086082,
                                                      1.22839402398};
constexpr std::array<std::array<double, 3>, 7> kMbgChart{{
    {0, 0.250725972094, 0.179845127377},
    {1, 0.784106258442, 0.548656299807},
    {2, 1.40261627907, 1.04348580896},
    {3, 1.83671586716, 1.55374765167},
    {4, 2.45123966942, 2.20392590563},
    {5, 3.0632183908, 2.79090596342},
    {6, 3.80147058824, 3.38528026651},
}};

TEST(Holdout, ModelComparisonScoresEveryModelAndDrawsLifetimesChart) {
  auto compared = compare_models(cdnow_split());
  ASSERT_TRUE(compared.ok()) << compared.error().message;
  const ModelComparison& c = *compared;
  EXPECT_EQ(c.customers, 23570u);
  EXPECT_EQ(c.actual_total, 19684.0);
  const ModelScore* chosen = nullptr;
  for (const ModelScore& score : c.scores) {
    SCOPED_TRACE(model_name(score.model));
    ASSERT_TRUE(score.fit.has_value()) << score.error;
    EXPECT_GT(score.holdout_rmse, 0.0);
    EXPECT_LE(score.holdout_mae, score.holdout_rmse);
    if (score.model == c.chosen) chosen = &score;
  }
  ASSERT_NE(chosen, nullptr);
  for (const ModelScore& score : c.scores) EXPECT_LE(chosen->holdout_rmse, score.holdout_rmse);
  const RepeatModelFit& mbg = *c.scores[1].fit;
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_NEAR(mbg.params[k], kMbgCalibrationParams[k], 1e-4 * kMbgCalibrationParams[k]) << k;
  }
  ASSERT_EQ(c.chart.size(), 8u);  // frequencies 0..6 and the tail
  for (std::size_t k = 0; k < kMbgChart.size(); ++k) {
    SCOPED_TRACE(k);
    EXPECT_EQ(c.chart[k].frequency_cal, static_cast<std::uint32_t>(kMbgChart[k][0]));
    EXPECT_FALSE(c.chart[k].tail);
    EXPECT_NEAR(c.chart[k].actual_mean, kMbgChart[k][1], 1e-9);
    EXPECT_NEAR(c.chart[k].predicted_mean[1], kMbgChart[k][2], 1e-4 * kMbgChart[k][2]);
  }
  EXPECT_TRUE(c.chart.back().tail);
  EXPECT_EQ(c.chart.back().frequency_cal, 7u);
  std::size_t charted = 0;
  for (const auto& row : c.chart) charted += row.customers;
  EXPECT_EQ(charted, c.customers);
}

}  // namespace
}  // namespace patron::analytics
