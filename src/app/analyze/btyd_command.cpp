#include "app/analyze/btyd_command.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <numeric>
#include <sstream>

#include "analytics/btyd.h"
#include "analytics/rfm.h"
#include "analytics/summary_file.h"
#include "app/analyze/command_options.h"
#include "app/analyze/loaded_file.h"

namespace patron::app {
namespace {

namespace an = patron::analytics;

struct BtydCliOptions {
  std::string model = "bgnbd";
  std::string summary_file;
  TransactionOptions transactions;
  std::string calibration_end;  // default: the last purchase day
  std::string period = "weeks";
  double horizon_periods = 39.0;
  double monthly_discount_rate = 0.01;
};

struct BtydInput {
  an::CustomerSummary summary;
  std::vector<std::string> ids;  // per summary row
  an::Period period = an::Period::weeks;
};

// A regular file is loaded whole; a pipe or a device is read as a stream.
Result<an::SummaryTable> read_summary_file(const std::string& path) {
  if (const auto loaded = LoadedFile::open(path)) return an::read_summary(loaded->text());
  std::ifstream file(path, std::ios::binary);
  if (!file) fail("cannot open " + path);
  return an::read_summary(file);
}

BtydInput load_btyd_input(const BtydCliOptions& options) {
  BtydInput input;
  input.period = options.period == "days" ? an::Period::days : an::Period::weeks;
  if (!options.summary_file.empty()) {
    auto table = read_summary_file(options.summary_file);
    if (!table.ok()) fail(options.summary_file + ": " + table.error().message);
    input.summary = std::move(table->summary);
    input.ids = std::move(table->customer_ids);
    return input;
  }
  if (options.transactions.file.empty() && !options.transactions.from_store) {
    fail("give --summary FILE or --transactions FILE");
  }
  const an::TransactionTable table = load_transactions(options.transactions);
  const an::Day end = options.calibration_end.empty() ? an::day_after_last_purchase(table.purchases) - 1
                                                      : parse_day_option(options.calibration_end, "--calibration-end");
  input.summary = an::summarize(table.purchases, table.customer_count(), {end, input.period, 100.0});
  input.ids.reserve(input.summary.size());
  for (const auto c : input.summary.customer_index) input.ids.push_back(table.customer_ids[c]);
  return input;
}

// What one run reports besides the models: the settings that shape the figures.
struct RunSettings {
  const BtydCliOptions& options;
  std::size_t customers;
};

void write_json(OutputSink& sink, bool pretty, const RunSettings& run, const BtydInput& in,
                const an::BtydReport& report, const std::vector<std::size_t>& order) {
  JsonWriter json(sink, pretty);
  json.begin_object().field("model", an::model_name(report.purchases.model)).field("period", run.options.period);
  json.field("horizon_periods", run.options.horizon_periods)
      .field("monthly_discount_rate", run.options.monthly_discount_rate)
      .field("customers", static_cast<std::int64_t>(run.customers))
      .field("distinct_histories", static_cast<std::int64_t>(report.distinct_histories));
  json.key("models").begin_object();
  const auto& fit = report.purchases;
  const auto names = an::parameter_names(fit.model);
  json.key(an::model_name(fit.model)).begin_object();
  for (std::size_t k = 0; k < names.size(); ++k) json.field(names[k], fit.params[k]);
  json.field("log_likelihood", fit.log_likelihood).end_object();
  if (report.gamma_gamma) {
    const auto& gg = *report.gamma_gamma;
    json.key("gamma_gamma").begin_object().field("p", gg.params.p).field("q", gg.params.q);
    json.field("gamma", gg.params.gamma).field("log_likelihood", gg.log_likelihood).end_object();
  }
  json.end_object();
  json.key("customers").begin_array();
  for (const std::size_t row : order) {
    json.begin_object().field("id", in.ids[row]).field("x", in.summary.frequency[row]);
    json.field("t_x", in.summary.recency[row]).field("T", in.summary.age[row]);
    json.field("p_alive", report.p_alive[row]).field("expected_purchases", report.expected_purchases[row]);
    if (report.gamma_gamma) {
      json.field("expected_avg_spend", report.expected_avg_spend[row]).field("clv", report.clv[row]);
    }
    json.end_object();
  }
  json.end_array().end_object().finish();
}

std::string number_text(double value) {
  std::ostringstream text;
  text.precision(17);
  text << value;
  return text.str();
}

// "bgnbd: r=0.24 alpha=4.41 a=0.79 b=2.43 log_likelihood=-9582.43"
std::string parameters_text(const an::RepeatModelFit& fit) {
  std::string text = std::string(an::model_name(fit.model)) + ":";
  const auto names = an::parameter_names(fit.model);
  for (std::size_t k = 0; k < names.size(); ++k) text += " " + std::string(names[k]) + "=" + number_text(fit.params[k]);
  return text + " log_likelihood=" + number_text(fit.log_likelihood);
}

void write_csv(OutputSink& sink, const RunSettings& run, const BtydInput& in, const an::BtydReport& report,
               const std::vector<std::size_t>& order) {
  CsvWriter csv(sink);
  csv.comment(std::string("model: ") + an::model_name(report.purchases.model) + "; period: " + run.options.period +
              "; horizon_periods: " + number_text(run.options.horizon_periods) +
              "; monthly_discount_rate: " + number_text(run.options.monthly_discount_rate));
  csv.comment(parameters_text(report.purchases));
  if (report.gamma_gamma) {
    const auto& g = *report.gamma_gamma;
    csv.comment("gamma_gamma: p=" + number_text(g.params.p) + " q=" + number_text(g.params.q) +
                " gamma=" + number_text(g.params.gamma) + " log_likelihood=" + number_text(g.log_likelihood));
    csv.header({"id", "x", "t_x", "T", "p_alive", "expected_purchases", "expected_avg_spend", "clv"});
  } else {
    csv.header({"id", "x", "t_x", "T", "p_alive", "expected_purchases"});
  }
  for (const std::size_t row : order) {
    csv.field(in.ids[row]).field(in.summary.frequency[row]).field(in.summary.recency[row]).field(in.summary.age[row]);
    csv.field(report.p_alive[row]).field(report.expected_purchases[row]);
    if (report.gamma_gamma) csv.field(report.expected_avg_spend[row]).field(report.clv[row]);
    csv.end_row();
  }
}

void write_text(OutputSink& sink, const RunSettings& run, const an::BtydReport& report) {
  std::ostringstream text;
  text << an::model_title(report.purchases.model) << " over " << run.customers << " customers ("
       << report.distinct_histories << " distinct histories): " << parameters_text(report.purchases) << " ("
       << report.purchases.evaluations << " evaluations)\n";
  if (report.gamma_gamma) {
    const auto& g = *report.gamma_gamma;
    text << "Gamma-Gamma over " << g.customers << " repeat customers: p=" << g.params.p << " q=" << g.params.q
         << " gamma=" << g.params.gamma << " log-likelihood=" << g.log_likelihood << "\n";
  }
  text << "expected purchases over " << run.options.horizon_periods << " " << run.options.period
       << "; use --json or --csv for the per-customer table\n";
  sink.put(text.str());
}

void run_btyd(const BtydCliOptions& options, const OutputOptions& out, bool rank_by_clv) {
  const BtydInput input = load_btyd_input(options);
  if (input.summary.size() == 0) fail("no customers in the calibration period");
  an::BtydOptions btyd;
  btyd.model = *an::parse_model(options.model);
  btyd.horizon_periods = options.horizon_periods;
  btyd.clv.horizon_periods = options.horizon_periods;
  btyd.clv.step_periods = 30.0 / an::days_per_period(input.period);  // 30-day months, as lifetimes
  btyd.clv.discount_rate_per_step = options.monthly_discount_rate;
  auto report = an::analyze_btyd(input.summary, btyd);
  if (!report.ok())
    fail(report.error().message + (report.error().field.empty() ? "" : " (" + report.error().field + ")"));
  if (rank_by_clv && !report->gamma_gamma) fail("clv needs spend: a summary with monetary_value/zbar, or transactions");
  std::vector<std::size_t> order(input.summary.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (rank_by_clv) {
    std::stable_sort(order.begin(), order.end(), [&](auto l, auto r) { return report->clv[l] > report->clv[r]; });
  }
  const RunSettings run{options, input.summary.size()};
  write_output(out, rank_by_clv ? "clv" : "btyd",
               {.json = [&](OutputSink& sink) { write_json(sink, out.pretty, run, input, *report, order); },
                .csv = [&](OutputSink& sink) { write_csv(sink, run, input, *report, order); },
                .text = [&](OutputSink& sink) { write_text(sink, run, *report); }});
}

void add_btyd_command(CLI::App* analyze, const std::string& name, const std::string& description, bool rank_by_clv,
                      const std::function<an::TransactionTable()>& from_store) {
  auto options = std::make_shared<BtydCliOptions>();
  auto out = std::make_shared<OutputOptions>();
  auto* command = analyze->add_subcommand(name, description);
  command
      ->add_option("--model", options->model,
                   "Purchase model: bgnbd (BG/NBD), mbgnbd (MBG/NBD: one-time buyers can be gone), pareto_nbd; "
                   "`patron analyze models` compares them on held-out purchases")
      ->capture_default_str()
      ->check(CLI::IsMember({"bgnbd", "mbgnbd", "pareto_nbd"}));
  auto* summary = command->add_option("--summary", options->summary_file,
                                      "Summary CSV with columns by name: ID, frequency|x, recency|t_x, T "
                                      "[, monetary_value|zbar]");
  options->transactions.from_store = from_store;
  add_transaction_options(command, options->transactions, true);  // or --summary
  summary->excludes(command->get_option("--transactions"));
  command->add_option("--calibration-end", options->calibration_end, "Last day of calibration (YYYY-MM-DD)");
  command->add_option("--period", options->period, "Period of recency, T and the horizon: weeks or days")
      ->capture_default_str()
      ->check(CLI::IsMember({"weeks", "days"}));
  command->add_option("--horizon", options->horizon_periods, "Periods ahead for expected purchases and CLV")
      ->capture_default_str()
      ->check(CLI::Range(1e-9, 1e4));
  command->add_option("--discount-rate", options->monthly_discount_rate, "CLV discount rate per 30-day month")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  add_output_flags(command, *out);
  command->callback([options, out, rank_by_clv] { run_btyd(*options, *out, rank_by_clv); });
}

}  // namespace

void add_btyd_commands(CLI::App* analyze, const std::function<an::TransactionTable()>& from_store,
                       std::string_view only) {
  if (only.empty() || only == "btyd") {
    add_btyd_command(analyze, "btyd",
                     "P(alive) and expected purchases (BG/NBD or --model), with Gamma-Gamma spend "
                     "and CLV when the input has spend",
                     false, from_store);
  }
  if (only.empty() || only == "clv") {
    add_btyd_command(analyze, "clv", "Customer lifetime value (purchase model x Gamma-Gamma), highest first", true,
                     from_store);
  }
}

}  // namespace patron::app
