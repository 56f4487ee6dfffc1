#include "analytics/model_comparison.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analytics/sufficient_statistics.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMaxChartRows = 1000;

void score(ModelScore& out, const CalibrationHoldout& split, const BtydGroups& groups,
           const std::vector<double>& expected_per_group) {
  double squared = 0.0, absolute = 0.0, total = 0.0;
  for (std::size_t row = 0; row < split.holdout_frequency.size(); ++row) {
    const double expected = expected_per_group[groups.group_of_row[row]];
    const double error = expected - split.holdout_frequency[row];
    squared += error * error;
    absolute += std::fabs(error);
    total += expected;
  }
  const double n = static_cast<double>(split.holdout_frequency.size());
  out.holdout_rmse = std::sqrt(squared / n);
  out.holdout_mae = absolute / n;
  out.predicted_total = total;
}

// lifetimes groups by frequency_cal and keeps the first n groups present.
std::vector<HoldoutChartRow> chart(const CalibrationHoldout& split, const BtydGroups& groups,
                                   const std::array<std::vector<double>, 3>& expected,
                                   std::size_t rows) {
  const std::vector<std::uint32_t>& frequency = split.calibration.frequency;
  std::vector<std::uint32_t> present(frequency.begin(), frequency.end());
  std::sort(present.begin(), present.end());
  present.erase(std::unique(present.begin(), present.end()), present.end());
  const std::size_t shown = std::min({rows, present.size(), kMaxChartRows});
  const bool has_tail = shown < present.size();
  std::vector<HoldoutChartRow> out(shown + (has_tail ? 1 : 0));
  for (std::size_t k = 0; k < shown; ++k) out[k].frequency_cal = present[k];
  if (has_tail) out.back() = {present[shown], true, 0, 0.0, {}};
  for (std::size_t row = 0; row < frequency.size(); ++row) {
    const auto at = std::lower_bound(present.begin(), present.begin() + shown, frequency[row]);
    HoldoutChartRow& bucket = out[static_cast<std::size_t>(at - present.begin())];
    ++bucket.customers;
    bucket.actual_mean += split.holdout_frequency[row];
    for (std::size_t m = 0; m < 3; ++m) {
      bucket.predicted_mean[m] += expected[m].empty() ? std::numeric_limits<double>::quiet_NaN()
                                                      : expected[m][groups.group_of_row[row]];
    }
  }
  for (HoldoutChartRow& bucket : out) {
    const double n = static_cast<double>(bucket.customers);
    bucket.actual_mean /= n;
    for (double& mean : bucket.predicted_mean) mean /= n;
  }
  return out;
}

}  // namespace

Result<ModelComparison> compare_models(const CalibrationHoldout& split,
                                       const ComparisonOptions& options) {
  const CustomerSummary& cal = split.calibration;
  if (cal.size() == 0 || split.holdout_frequency.size() != cal.size()) {
    return Error::validation("calibration", "no calibration customers to compare models on");
  }
  const BtydGroups groups = group_by_sufficient_statistics(cal.frequency, cal.recency, cal.age);
  ModelComparison out;
  out.customers = cal.size();
  out.holdout_duration = split.holdout_duration;
  for (std::uint32_t f : split.holdout_frequency) out.actual_total += f;
  std::array<std::vector<double>, 3> expected;
  bool any = false;
  for (std::size_t m = 0; m < kRepeatModels.size(); ++m) {
    ModelScore& model = out.scores[m];
    model.model = kRepeatModels[m];
    if (!options.compare[m]) {
      model.error = "not compared";
      continue;
    }
    auto fit = fit_repeat_model(model.model, groups, {options.workers});
    if (!fit.ok()) {
      model.error = fit.error().message;
      continue;
    }
    model.fit = *fit;
    expected[m] =
        predict_repeat_model(*fit, groups, split.holdout_duration, {options.workers}).expected_purchases;
    score(model, split, groups, expected[m]);
    if (!std::isfinite(model.holdout_rmse)) {
      model.error = std::string(model_name(model.model)) + " predictions are not finite";
      model.fit.reset();
      expected[m].clear();
      continue;
    }
    if (!any || model.holdout_rmse < out.scores[static_cast<std::size_t>(out.chosen)].holdout_rmse) {
      out.chosen = model.model;
    }
    any = true;
  }
  if (!any) {
    return Error{ErrorCode::validation_failed,
                 "no purchase model could be fitted: " + out.scores[0].error, "calibration"};
  }
  out.chart = chart(split, groups, expected, options.chart_rows);
  return out;
}

}  // namespace patron::analytics
