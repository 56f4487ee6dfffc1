#include "app/analyze_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>
#include <string>

#include "analytics/association_rules.h"
#include "analytics/btyd.h"
#include "analytics/cohorts.h"
#include "analytics/rfm.h"
#include "analytics/summary_file.h"
#include "analytics/transaction_file.h"
#include "app/csv_field.h"
#include "app/progress_bar.h"

namespace patron::app {
namespace {

namespace an = patron::analytics;
using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------- options

struct OutputOptions {
  bool json = false;
  bool csv = false;
  std::string out_dir;  // write <command>.json|csv here instead of stdout
};

struct TransactionOptions {
  std::string file;
  std::string format = "generic";
  std::function<an::TransactionTable()> from_store;  // used when no file is given
};

struct BtydCliOptions {
  std::string summary_file;
  TransactionOptions transactions;
  std::string calibration_end;  // default: the last purchase day
  std::string period = "weeks";
  double horizon_periods = 39.0;
  double monthly_discount_rate = 0.01;
};

struct RulesCliOptions {
  std::string baskets_file;
  std::function<an::Baskets()> from_store;  // used when no file is given
  an::RuleOptions rules;
  std::size_t limit = 0;  // 0 = all rules
};

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "error: " << message << "\n";
  throw CLI::RuntimeError(1);
}

std::ifstream open_input(const std::string& path) {
  std::ifstream input(path);
  if (!input) fail("cannot open " + path);
  return input;
}

std::size_t size_of(const std::string& path) {
  std::error_code ignored;
  const auto size = std::filesystem::file_size(path, ignored);
  return ignored ? 0 : static_cast<std::size_t>(size);
}

an::TransactionTable load_transactions(const TransactionOptions& options) {
  if (options.file.empty()) {
    if (!options.from_store) fail("give --transactions FILE");
    return options.from_store();
  }
  const auto format = an::parse_transaction_format(options.format);
  if (!format) fail("unknown --format " + options.format + " (generic, cdnow, online-retail)");
  auto input = open_input(options.file);
  ProgressBar bar("reading " + options.file, size_of(options.file));
  an::ReadReport report;
  auto table = an::read_transactions(input, *format, report, [&](std::size_t bytes) { bar.update(bytes); });
  if (!table.ok()) fail(table.error().message);
  if (report.rejected_total() > 0) {
    std::cerr << "read " << report.accepted << " of " << report.lines << " lines; rejected:";
    for (const auto& [reason, count] : report.rejected) std::cerr << " " << reason << " " << count << ";";
    std::cerr << "\n";
  }
  return std::move(table).value();
}

an::Day parse_day_option(const std::string& text, const char* option) {
  const auto day = an::parse_date(text);
  if (!day) fail(std::string(option) + " expects a date YYYY-MM-DD, got " + text);
  return *day;
}

// ---------------------------------------------------------------- output

void write_output(const OutputOptions& out, const std::string& name, const Json& json,
                  const std::string& csv, const std::string& text) {
  const std::string body = out.json ? json.dump(2) + "\n" : out.csv ? csv : text;
  if (out.out_dir.empty()) {
    std::cout << body << std::flush;
    return;
  }
  std::filesystem::create_directories(out.out_dir);
  const auto path = std::filesystem::path(out.out_dir) / (name + (out.csv ? ".csv" : ".json"));
  std::ofstream file(path);
  file << (out.csv ? csv : json.dump(2) + "\n");
  if (!file) fail("cannot write " + path.string());
  std::cerr << "wrote " << path.string() << "\n";
}

// ---------------------------------------------------------------- btyd / clv

struct BtydInput {
  an::CustomerSummary summary;
  std::vector<std::string> ids;  // per summary row
  an::Period period = an::Period::weeks;
};

BtydInput load_btyd_input(const BtydCliOptions& options) {
  BtydInput input;
  if (options.period != "weeks" && options.period != "days") fail("--period is weeks or days");
  input.period = options.period == "weeks" ? an::Period::weeks : an::Period::days;
  if (!options.summary_file.empty()) {
    auto file = open_input(options.summary_file);
    auto table = an::read_summary(file);
    if (!table.ok()) fail(options.summary_file + ": " + table.error().field + ": " + table.error().message);
    input.summary = std::move(table->summary);
    input.ids = std::move(table->customer_ids);
    return input;
  }
  if (options.transactions.file.empty() && !options.transactions.from_store) {
    fail("give --summary FILE or --transactions FILE");
  }
  const an::TransactionTable table = load_transactions(options.transactions);
  const an::Day end = options.calibration_end.empty()
                          ? an::day_after_last_purchase(table.purchases) - 1
                          : parse_day_option(options.calibration_end, "--calibration-end");
  input.summary = an::summarize(table.purchases, table.customer_count(), {end, input.period, 100.0});
  for (const auto c : input.summary.customer_index) input.ids.push_back(table.customer_ids[c]);
  return input;
}

Json btyd_json(const BtydInput& in, const an::BtydReport& report, const std::vector<std::size_t>& order) {
  const auto& bg = report.bgnbd;
  Json json;
  json["bgnbd"] = {{"r", bg.params.r}, {"alpha", bg.params.alpha}, {"a", bg.params.a},
                   {"b", bg.params.b}, {"log_likelihood", bg.log_likelihood}};
  if (report.gamma_gamma) {
    const auto& gg = report.gamma_gamma->params;
    json["gamma_gamma"] = {{"p", gg.p}, {"q", gg.q}, {"gamma", gg.gamma}};
  }
  Json customers = Json::array();
  for (const std::size_t row : order) {
    Json customer{{"id", in.ids[row]}, {"p_alive", report.p_alive[row]},
                  {"expected_purchases", report.expected_purchases[row]}};
    if (report.gamma_gamma) {
      customer["expected_avg_spend"] = report.expected_avg_spend[row];
      customer["clv"] = report.clv[row];
    }
    customers.push_back(std::move(customer));
  }
  json["customers"] = std::move(customers);
  return json;
}

std::string btyd_csv(const BtydInput& in, const an::BtydReport& report, const std::vector<std::size_t>& order) {
  std::ostringstream csv;
  csv.precision(10);
  csv << "id,p_alive,expected_purchases" << (report.gamma_gamma ? ",expected_avg_spend,clv" : "") << "\n";
  for (const std::size_t row : order) {
    csv << csv_field(in.ids[row]) << "," << report.p_alive[row] << "," << report.expected_purchases[row];
    if (report.gamma_gamma) csv << "," << report.expected_avg_spend[row] << "," << report.clv[row];
    csv << "\n";
  }
  return csv.str();
}

std::string btyd_text(const an::BtydReport& report, std::size_t customers) {
  std::ostringstream text;
  const auto& p = report.bgnbd.params;
  text << "BG/NBD over " << customers << " customers (" << report.distinct_histories
       << " distinct histories): r=" << p.r << " alpha=" << p.alpha << " a=" << p.a << " b=" << p.b
       << " log-likelihood=" << report.bgnbd.log_likelihood << "\n";
  if (report.gamma_gamma) {
    const auto& g = report.gamma_gamma->params;
    text << "Gamma-Gamma over " << report.gamma_gamma->customers << " repeat customers: p=" << g.p
         << " q=" << g.q << " gamma=" << g.gamma << "\n";
  }
  text << "use --json or --csv for the per-customer table\n";
  return text.str();
}

void run_btyd(const BtydCliOptions& options, const OutputOptions& out, bool rank_by_clv) {
  const BtydInput input = load_btyd_input(options);
  if (input.summary.size() == 0) fail("no customers in the calibration period");
  an::BtydOptions btyd;
  btyd.horizon_periods = options.horizon_periods;
  btyd.clv.horizon_periods = options.horizon_periods;
  btyd.clv.step_periods = 30.0 / an::days_per_period(input.period);  // 30-day months, as lifetimes
  btyd.clv.discount_rate_per_step = options.monthly_discount_rate;
  auto report = an::analyze_btyd(input.summary, btyd);
  if (!report.ok()) fail(report.error().message);
  if (rank_by_clv && !report->gamma_gamma) fail("clv needs spend: a summary with monetary_value/zbar, or transactions");
  std::vector<std::size_t> order(input.summary.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (rank_by_clv) {
    std::stable_sort(order.begin(), order.end(), [&](auto l, auto r) { return report->clv[l] > report->clv[r]; });
  }
  write_output(out, rank_by_clv ? "clv" : "btyd", btyd_json(input, *report, order),
               btyd_csv(input, *report, order), btyd_text(*report, input.summary.size()));
}

// ---------------------------------------------------------------- rules

Json names_json(const an::Baskets& baskets, const std::vector<std::uint32_t>& items) {
  std::vector<std::string> names;
  for (const auto item : items) names.push_back(baskets.item_names[item]);
  std::sort(names.begin(), names.end());
  return names;
}

Result<an::Baskets> load_baskets(const RulesCliOptions& options) {
  if (options.baskets_file.empty()) {
    if (!options.from_store) fail("give --baskets FILE");
    return options.from_store();
  }
  auto file = open_input(options.baskets_file);
  return an::read_baskets(file);
}

void run_rules(const RulesCliOptions& options, const OutputOptions& out) {
  auto baskets = load_baskets(options);
  if (!baskets.ok()) fail(baskets.error().message);
  auto rules = an::association_rules(*baskets, options.rules);
  if (options.limit > 0 && rules.size() > options.limit) rules.resize(options.limit);
  Json list = Json::array();
  std::ostringstream csv, text;
  csv.precision(10);
  csv << "antecedent,consequent,support,confidence,lift\n";
  for (const auto& rule : rules) {
    const Json antecedent = names_json(*baskets, rule.antecedent);
    const Json consequent = names_json(*baskets, {rule.consequent});
    list.push_back({{"antecedent", antecedent}, {"consequent", consequent}, {"support", rule.support},
                    {"confidence", rule.confidence}, {"lift", rule.lift}});
    std::string joined;
    for (const auto& name : antecedent) joined += (joined.empty() ? "" : ";") + name.get<std::string>();
    csv << csv_field(joined) << "," << csv_field(consequent[0].get<std::string>()) << "," << rule.support
        << "," << rule.confidence << "," << rule.lift << "\n";
    text << antecedent.dump() << " => " << consequent.dump() << "  support " << rule.support
         << "  confidence " << rule.confidence << "  lift " << rule.lift << "\n";
  }
  const Json json{{"transactions", baskets->size()}, {"items", baskets->item_count()}, {"rules", std::move(list)}};
  write_output(out, "rules", json, csv.str(), text.str());
}

// ---------------------------------------------------------------- rfm / cohorts

void run_rfm(const TransactionOptions& options, const std::string& as_of_text, const OutputOptions& out) {
  const an::TransactionTable table = load_transactions(options);
  const an::Day as_of = as_of_text.empty() ? an::day_after_last_purchase(table.purchases)
                                           : parse_day_option(as_of_text, "--as-of");
  const an::RfmTable rfm = an::compute_rfm(table.purchases, table.customer_count(), {as_of, 0});
  std::vector<std::size_t> per_segment(an::kSegmentCount, 0);
  Json customers = Json::array();
  std::ostringstream csv, text;
  csv << "id,recency_days,frequency,monetary_minor,r,f,m,segment\n";
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    const std::string& id = table.customer_ids[rfm.customer_index[i]];
    const std::string segment(an::segment_name(rfm.segment[i]));
    ++per_segment[static_cast<std::size_t>(rfm.segment[i])];
    customers.push_back({{"id", id}, {"recency_days", rfm.recency_days[i]}, {"frequency", rfm.frequency[i]},
                         {"monetary_minor", rfm.monetary_minor[i]}, {"r", rfm.r_score[i]},
                         {"f", rfm.f_score[i]}, {"m", rfm.m_score[i]}, {"segment", segment}});
    csv << csv_field(id) << "," << rfm.recency_days[i] << "," << rfm.frequency[i] << "," << rfm.monetary_minor[i]
        << "," << int(rfm.r_score[i]) << "," << int(rfm.f_score[i]) << "," << int(rfm.m_score[i]) << ","
        << csv_field(segment) << "\n";
  }
  Json segments = Json::object();
  text << "RFM of " << rfm.size() << " customers as of " << an::format_date(as_of) << "\n";
  for (std::size_t s = 0; s < an::kSegmentCount; ++s) {
    const std::string name(an::segment_name(static_cast<an::Segment>(s)));
    segments[name] = per_segment[s];
    text << "  " << name << ": " << per_segment[s] << "\n";
  }
  const Json json{{"as_of", an::format_date(as_of)}, {"segments", std::move(segments)},
                  {"customers", std::move(customers)}};
  write_output(out, "rfm", json, csv.str(), text.str());
}

void run_cohorts(const TransactionOptions& options, const OutputOptions& out) {
  const an::TransactionTable table = load_transactions(options);
  const auto cohorts = an::cohort_retention(table.purchases, table.customer_count());
  Json list = Json::array();
  std::ostringstream csv, text;
  csv.precision(6);
  text.precision(3);
  csv << "first_month,customers,months_after,active,retention\n";
  for (const auto& cohort : cohorts) {
    const std::string month = an::format_month(cohort.first_month);
    Json retention = Json::array();
    text << month << "  " << cohort.customers << " customers:";
    for (std::size_t k = 0; k < cohort.active.size(); ++k) {
      retention.push_back(cohort.retention(k));
      csv << month << "," << cohort.customers << "," << k << "," << cohort.active[k] << "," << cohort.retention(k) << "\n";
      text << " " << cohort.retention(k);
    }
    text << "\n";
    list.push_back({{"month", month}, {"customers", cohort.customers}, {"active", cohort.active},
                    {"retention", std::move(retention)}});
  }
  write_output(out, "cohorts", Json{{"cohorts", std::move(list)}}, csv.str(), text.str());
}

// ---------------------------------------------------------------- wiring

void add_output_flags(CLI::App* command, OutputOptions& out) {
  auto* json = command->add_flag("--json", out.json, "JSON output");
  auto* csv = command->add_flag("--csv", out.csv, "CSV output");
  json->excludes(csv);
  command->add_option("--out", out.out_dir, "Write the result into this directory instead of stdout");
}

void add_transaction_options(CLI::App* command, TransactionOptions& options, bool required,
                             const AnalyzeStoreHooks& store) {
  options.from_store = store.load_purchases;
  auto* file = command->add_option("--transactions", options.file,
                                   store.load_purchases ? "Purchases file (default: the SQL store)" : "Purchases file");
  if (required && !store.load_purchases) file->required();
  command->add_option("--format", options.format, "generic, cdnow or online-retail")
      ->check(CLI::IsMember({"generic", "cdnow", "online-retail"}));
}

void add_btyd_command(CLI::App* analyze, const std::string& name, const std::string& description,
                      bool rank_by_clv, const AnalyzeStoreHooks& store) {
  auto options = std::make_shared<BtydCliOptions>();
  auto out = std::make_shared<OutputOptions>();
  auto* command = analyze->add_subcommand(name, description);
  auto* summary = command->add_option("--summary", options->summary_file,
                                      "Summary CSV: ID,frequency,recency,T[,monetary_value] or ID,x,t_x,T,zbar");
  add_transaction_options(command, options->transactions, false, store);
  summary->excludes(command->get_option("--transactions"));
  command->add_option("--calibration-end", options->calibration_end, "Last day of calibration (YYYY-MM-DD)");
  command->add_option("--period", options->period, "Period of recency, T and the horizon: weeks or days")
      ->check(CLI::IsMember({"weeks", "days"}));
  command->add_option("--horizon", options->horizon_periods, "Periods ahead for expected purchases and CLV")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command->add_option("--discount-rate", options->monthly_discount_rate, "CLV discount rate per 30-day month")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  add_output_flags(command, *out);
  command->callback([options, out, rank_by_clv] { run_btyd(*options, *out, rank_by_clv); });
}

void add_rules_command(CLI::App* analyze, const AnalyzeStoreHooks& store) {
  auto options = std::make_shared<RulesCliOptions>();
  auto out = std::make_shared<OutputOptions>();
  auto* command = analyze->add_subcommand("rules", "Association rules by FP-Growth (single-item consequents)");
  options->from_store = store.load_baskets;
  auto* baskets = command->add_option("--baskets", options->baskets_file,
                                      "One basket per line, items comma separated (default: the SQL store)");
  if (!store.load_baskets) baskets->required();
  command->add_option("--min-support", options->rules.min_support)->capture_default_str()->check(CLI::Range(0.0, 1.0));
  command->add_option("--min-confidence", options->rules.min_confidence)->capture_default_str()->check(CLI::Range(0.0, 1.0));
  command->add_option("--min-length", options->rules.min_length, "Items in a rule, at least (arules' minlen)")
      ->capture_default_str()->check(CLI::Range(1, 100));
  command->add_option("--max-length", options->rules.max_length, "Items in a rule, at most (arules' maxlen)")
      ->capture_default_str()->check(CLI::Range(1, 100));
  command->add_option("--limit", options->limit, "Keep only the first N rules by lift");
  add_output_flags(command, *out);
  command->callback([options, out] { run_rules(*options, *out); });
}

void add_rfm_command(CLI::App* analyze, const AnalyzeStoreHooks& store) {
  auto options = std::make_shared<TransactionOptions>();
  auto as_of = std::make_shared<std::string>();
  auto out = std::make_shared<OutputOptions>();
  auto* command = analyze->add_subcommand("rfm", "RFM quintile scores and segments");
  add_transaction_options(command, *options, true, store);
  command->add_option("--as-of", *as_of, "Day recency is counted to (default: the day after the last purchase)");
  add_output_flags(command, *out);
  command->callback([options, as_of, out] { run_rfm(*options, *as_of, *out); });
}

void add_cohorts_command(CLI::App* analyze, const AnalyzeStoreHooks& store) {
  auto options = std::make_shared<TransactionOptions>();
  auto out = std::make_shared<OutputOptions>();
  auto* command = analyze->add_subcommand("cohorts", "Retention by first-purchase month");
  add_transaction_options(command, *options, true, store);
  add_output_flags(command, *out);
  command->callback([options, out] { run_cohorts(*options, *out); });
}

}  // namespace

void add_analyze_command(CLI::App& app, const AnalyzeStoreHooks& store) {
  auto* analyze = app.add_subcommand("analyze", "Customer analytics on files or the SQL store: RFM, BTYD, CLV, "
                                                "rules, cohorts, affinity");
  analyze->require_subcommand(1);
  add_btyd_command(analyze, "btyd", "BG/NBD (and Gamma-Gamma with spend): P(alive), expected purchases", false,
                   store);
  add_btyd_command(analyze, "clv", "Customer lifetime value (BG/NBD x Gamma-Gamma), highest first", true, store);
  add_rules_command(analyze, store);
  add_rfm_command(analyze, store);
  add_cohorts_command(analyze, store);
  if (store.add_commands) store.add_commands(analyze);
}

}  // namespace patron::app
