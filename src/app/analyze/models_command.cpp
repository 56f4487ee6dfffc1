#include "app/analyze/models_command.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <memory>
#include <sstream>

#include "app/analyze/command_options.h"

namespace patron::app {
namespace {

namespace an = patron::analytics;

struct ModelsCliOptions {
  TransactionOptions transactions;
  std::string calibration_end, observation_end;
  std::string period = "weeks";
};

std::string chart_label(const an::HoldoutChartRow& row) {
  return std::to_string(row.frequency_cal) + (row.tail ? "+" : "");
}

void write_json(OutputSink& sink, bool pretty, const an::HoldoutOptions& split, const an::ModelComparison& c) {
  JsonWriter json(sink, pretty);
  json.begin_object().field("calibration_end", an::format_date(split.calibration_end));
  json.field("observation_end", an::format_date(split.observation_end));
  json.field("period", split.period == an::Period::days ? "days" : "weeks");
  json.field("holdout_duration", c.holdout_duration).field("customers", static_cast<std::int64_t>(c.customers));
  json.field("actual_total", c.actual_total)
      .field("chosen", an::model_name(c.chosen))
      .field("chosen_by", "holdout_rmse");
  json.key("models").begin_array();
  for (const auto& score : c.scores) {
    json.begin_object().field("model", an::model_name(score.model));
    if (score.fit) {
      json.key("params").begin_object();
      const auto names = an::parameter_names(score.model);
      for (std::size_t k = 0; k < names.size(); ++k) json.field(names[k], score.fit->params[k]);
      json.end_object().field("log_likelihood", score.fit->log_likelihood);
      json.field("holdout_rmse", score.holdout_rmse).field("holdout_mae", score.holdout_mae);
      json.field("predicted_total", score.predicted_total);
    } else {
      json.field("error", score.error);
    }
    json.end_object();
  }
  json.end_array().key("chart").begin_array();
  for (const auto& row : c.chart) {
    json.begin_object()
        .field("frequency_cal", chart_label(row))
        .field("customers", static_cast<std::int64_t>(row.customers));
    json.field("actual_mean", row.actual_mean).key("predicted_mean").begin_object();
    for (std::size_t m = 0; m < an::kRepeatModels.size(); ++m) {
      json.field(an::model_name(an::kRepeatModels[m]), row.predicted_mean[m]);
    }
    json.end_object().end_object();
  }
  json.end_array().end_object().finish();
}

void write_csv(OutputSink& sink, const an::ModelComparison& c) {
  CsvWriter csv(sink);
  csv.comment(std::string("chosen: ") + an::model_name(c.chosen) + " (lowest holdout RMSE)");
  for (const auto& score : c.scores) {
    std::ostringstream line;
    line.precision(10);
    line << an::model_name(score.model) << ": ";
    if (score.fit) {
      line << "log_likelihood=" << score.fit->log_likelihood << " holdout_rmse=" << score.holdout_rmse
           << " holdout_mae=" << score.holdout_mae;
    } else {
      line << "error=" << score.error;
    }
    csv.comment(line.str());
  }
  csv.header({"frequency_cal", "customers", "actual_mean", "bgnbd", "mbgnbd", "pareto_nbd"});
  for (const auto& row : c.chart) {
    csv.field(chart_label(row)).field(static_cast<std::int64_t>(row.customers)).field(row.actual_mean);
    for (const double predicted : row.predicted_mean) csv.field(predicted);
    csv.end_row();
  }
}

void write_text(OutputSink& sink, const an::HoldoutOptions& split, const an::ModelComparison& c) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(4);
  text << "Calibration to " << an::format_date(split.calibration_end) << ", holdout to "
       << an::format_date(split.observation_end) << " (" << c.holdout_duration << " periods), " << c.customers
       << " customers, " << c.actual_total << " holdout purchases\n\n";
  text << "model        log-likelihood   holdout RMSE   holdout MAE   predicted total\n";
  for (const auto& score : c.scores) {
    text << std::left << std::setw(13) << an::model_title(score.model) << std::right;
    if (!score.fit) {
      text << "fit failed: " << score.error << "\n";
      continue;
    }
    text << std::setw(14) << score.fit->log_likelihood << std::setw(15) << score.holdout_rmse << std::setw(14)
         << score.holdout_mae << std::setw(18) << score.predicted_total
         << (score.model == c.chosen ? "   <- chosen" : "") << "\n";
  }
  text << "\nMean holdout purchases by calibration frequency (actual vs each model):\n";
  text << "x_cal  customers    actual    BG/NBD   MBG/NBD  Pareto/NBD\n";
  for (const auto& row : c.chart) {
    text << std::setw(5) << chart_label(row) << std::setw(11) << row.customers << std::setw(10) << row.actual_mean;
    for (const double predicted : row.predicted_mean) text << std::setw(10) << predicted;
    text << "\n";
  }
  sink.put(text.str());
}

void run_models(const ModelsCliOptions& options, const OutputOptions& out) {
  const an::TransactionTable table = load_transactions(options.transactions);
  an::HoldoutOptions split = an::default_holdout_split(table.purchases);
  if (!options.calibration_end.empty())
    split.calibration_end = parse_day_option(options.calibration_end, "--calibration-end");
  if (!options.observation_end.empty())
    split.observation_end = parse_day_option(options.observation_end, "--observation-end");
  split.period = options.period == "days" ? an::Period::days : an::Period::weeks;
  auto data = an::calibration_and_holdout(table.purchases, table.customer_count(), split);
  if (!data.ok()) fail(data.error().message);
  auto comparison = an::compare_models(*data);
  if (!comparison.ok()) fail(comparison.error().message);
  write_output(out, "models",
               {.json = [&](OutputSink& sink) { write_json(sink, out.pretty, split, *comparison); },
                .csv = [&](OutputSink& sink) { write_csv(sink, *comparison); },
                .text = [&](OutputSink& sink) { write_text(sink, split, *comparison); }});
}

}  // namespace

void add_models_command(CLI::App* analyze, const std::function<an::TransactionTable()>& from_store) {
  auto options = std::make_shared<ModelsCliOptions>();
  auto out = std::make_shared<OutputOptions>();
  auto* command = analyze->add_subcommand(
      "models", "Compare BG/NBD, MBG/NBD and Pareto/NBD: fit on a calibration period, score on the holdout after it");
  options->transactions.from_store = from_store;
  add_transaction_options(command, options->transactions);
  command->add_option("--calibration-end", options->calibration_end,
                      "Last day of calibration, YYYY-MM-DD (default: halfway from the first to the last purchase)");
  command->add_option("--observation-end", options->observation_end,
                      "Last day of the holdout, YYYY-MM-DD (default: the last purchase day)");
  command->add_option("--period", options->period, "Unit of recency, T and the holdout: weeks or days")
      ->capture_default_str()
      ->check(CLI::IsMember({"weeks", "days"}));
  add_output_flags(command, *out);
  command->callback([options, out] { run_models(*options, *out); });
}

}  // namespace patron::app
