#pragma once
// Which purchase model predicts this customer base best: BG/NBD, MBG/NBD and
// Pareto/NBD are each fitted on the calibration period and asked for every
// customer's expected purchases over the holdout period; the model with the
// lowest root mean squared error against the actual holdout purchases wins
// (the conditional expectation is what minimizes squared error, so RMSE is
// the score that rewards a correct expectation; MAE is reported beside it).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analytics/holdout.h"
#include "analytics/repeat_model.h"
#include "domain/result.h"

namespace patron::analytics {

struct ComparisonOptions {
  // Chart rows, as lifetimes' plot_calibration_purchases_vs_holdout_purchases
  // (kind="frequency_cal", n=7): the first n calibration frequencies present.
  std::size_t chart_rows = 7;
  unsigned workers = 0;
  // Models to fit, kRepeatModels order; one left out gets the error "not
  // compared" in its score. Pareto/NBD is the slow one (derivative-free fit,
  // two 2F1 series per customer and evaluation).
  std::array<bool, 3> compare{true, true, true};
};

struct ModelScore {
  RepeatModel model = RepeatModel::bgnbd;
  std::optional<RepeatModelFit> fit;  // empty when the fit failed
  std::string error;                  // why, when it failed
  double holdout_rmse = 0.0;          // per customer, purchases
  double holdout_mae = 0.0;
  double predicted_total = 0.0;       // sum of expected holdout purchases
};

struct HoldoutChartRow {
  std::uint32_t frequency_cal = 0;  // for the tail row: the smallest frequency in it
  bool tail = false;                // customers with frequency above the chart rows (not in lifetimes' plot)
  std::size_t customers = 0;
  double actual_mean = 0.0;         // mean holdout purchases
  std::array<double, 3> predicted_mean{};  // per model, kRepeatModels order; NaN when its fit failed
};

struct ModelComparison {
  std::array<ModelScore, 3> scores;  // kRepeatModels order
  RepeatModel chosen = RepeatModel::bgnbd;
  std::size_t customers = 0;
  double holdout_duration = 0.0;  // periods
  double actual_total = 0.0;      // holdout purchases of the calibration customers
  std::vector<HoldoutChartRow> chart;  // chart_rows rows, then a tail row when customers remain
};

// Errors only when no model can be fitted (each model's own error is kept in
// its score otherwise).
Result<ModelComparison> compare_models(const CalibrationHoldout& split,
                                       const ComparisonOptions& options = {});

}  // namespace patron::analytics
