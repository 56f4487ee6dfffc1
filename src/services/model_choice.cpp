#include "services/model_choice.h"

#include <cmath>
#include <optional>

#include "analytics/holdout.h"
#include "analytics/model_comparison.h"

namespace patron::services {
namespace {

namespace an = patron::analytics;
using Json = nlohmann::ordered_json;

// Every k-th calibration customer, so the comparison's cost stays bounded.
an::CalibrationHoldout regular_sample(const an::CalibrationHoldout& all, std::size_t at_most) {
  const std::size_t rows = all.calibration.size();
  if (rows <= at_most) return all;
  const std::size_t stride = (rows + at_most - 1) / at_most;
  an::CalibrationHoldout sample;
  sample.holdout_duration = all.holdout_duration;
  sample.calibration.has_spend = all.calibration.has_spend;
  for (std::size_t row = 0; row < rows; row += stride) {
    const auto& c = all.calibration;
    sample.calibration.push_back(c.customer_index[row], c.frequency[row], c.recency[row], c.age[row],
                                 c.mean_repeat_spend[row]);
    sample.holdout_frequency.push_back(all.holdout_frequency[row]);
  }
  return sample;
}

Json number_or_null(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

Json comparison_json(const an::HoldoutOptions& split, const an::ModelComparison& c) {
  Json models = Json::array();
  for (const auto& score : c.scores) {
    Json model{{"model", an::model_name(score.model)}, {"title", an::model_title(score.model)}};
    if (score.fit) {
      Json params = Json::object();
      const auto names = an::parameter_names(score.model);
      for (std::size_t k = 0; k < names.size(); ++k) params[names[k]] = score.fit->params[k];
      model.update({{"params", params},
                    {"log_likelihood", score.fit->log_likelihood},
                    {"holdout_rmse", score.holdout_rmse},
                    {"holdout_mae", score.holdout_mae},
                    {"predicted_total", score.predicted_total}});
    } else {
      model["error"] = score.error;
    }
    models.push_back(std::move(model));
  }
  Json chart = Json::array();
  for (const auto& row : c.chart) {
    Json predicted = Json::object();
    for (std::size_t m = 0; m < an::kRepeatModels.size(); ++m) {
      predicted[an::model_name(an::kRepeatModels[m])] = number_or_null(row.predicted_mean[m]);
    }
    chart.push_back({{"frequency_cal", std::to_string(row.frequency_cal) + (row.tail ? "+" : "")},
                     {"customers", row.customers},
                     {"actual_mean", row.actual_mean},
                     {"predicted_mean", std::move(predicted)}});
  }
  return {{"chosen", an::model_name(c.chosen)},
          {"chosen_by", "holdout_rmse"},
          {"calibration_end", an::format_date(split.calibration_end)},
          {"observation_end", an::format_date(split.observation_end)},
          {"period", split.period == an::Period::days ? "days" : "weeks"},
          {"holdout_duration", c.holdout_duration},
          {"customers_compared", c.customers},
          {"actual_total", c.actual_total},
          {"models", std::move(models)},
          {"chart", std::move(chart)}};
}

// BG/NBD gives every one-time buyer P(alive) = 1 however long ago they
// bought, which reads as nonsense in a segment of lost customers; so the
// choice is between the models whose P(alive) decays for them, and BG/NBD is
// fitted beside them as the reference (and used only when neither fits).
bool eligible(an::RepeatModel model) { return model != an::RepeatModel::bgnbd; }

std::optional<an::RepeatModel> best_eligible(const an::ModelComparison& c) {
  std::optional<an::RepeatModel> best;
  double lowest = 0;
  for (const auto& score : c.scores) {
    if (!score.fit || !eligible(score.model)) continue;
    if (!best || score.holdout_rmse < lowest) best = score.model, lowest = score.holdout_rmse;
  }
  return best;
}

ModelChoice by_default(const std::string& reason) {
  return {an::RepeatModel::bgnbd, {{"chosen", "bgnbd"}, {"chosen_by", "default"}, {"reason", reason}}};
}

}  // namespace

ModelChoice choose_purchase_model(const an::TransactionColumns& purchases, std::size_t customer_count,
                                  an::Period period) {
  an::HoldoutOptions split = an::default_holdout_split(purchases);
  split.period = period;
  const auto data = an::calibration_and_holdout(purchases, customer_count, split);
  if (!data.ok()) return by_default("no holdout comparison: " + data.error().message);
  const auto comparison = an::compare_models(regular_sample(*data, kMaxComparisonCustomers));
  if (!comparison.ok()) return by_default("no holdout comparison: " + comparison.error().message);
  const auto chosen = best_eligible(*comparison);
  Json summary = comparison_json(split, *comparison);
  summary["eligible"] = Json::array({"mbgnbd", "pareto_nbd"});
  if (!chosen) {
    summary["chosen"] = "bgnbd";
    summary["chosen_by"] = "default";
    summary["reason"] = "neither MBG/NBD nor Pareto/NBD could be fitted to this history";
    return {an::RepeatModel::bgnbd, summary};
  }
  summary["chosen"] = an::model_name(*chosen);
  return {*chosen, summary};
}

}  // namespace patron::services
