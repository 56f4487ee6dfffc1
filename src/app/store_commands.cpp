#include "app/store_commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analytics/affinity.h"
#include "analytics/rfm.h"
#include "analytics/synthetic_history_csv.h"
#include "app/analyze/csv_field.h"
#include "app/analyze/progress_bar.h"
#include "app/config.h"
#include "app/server_logging.h"
#include "app/store_access.h"
#include "services/affinity_events.h"
#include "services/full_analysis.h"
#include "storage/documents/document_store.h"
#include "storage/sql/database.h"
#include "storage/sql/history_reader.h"
#include "storage/sql/migrations.h"

namespace patron::app {
namespace {

namespace an = patron::analytics;
using Json = nlohmann::ordered_json;
using services::AffinityEvents;
using services::AffinityKind;
using services::FullAnalysis;
using services::FullAnalysisHooks;
using services::FullAnalysisOptions;
using services::read_affinity_events;
using services::run_full_analysis;
using services::StageReport;

// ---------------------------------------------------------------- analyze from the store

sql::StoredHistory read_store(bool with_lines) {
  auto session = open_store();
  ProgressBar bar("reading transactions", 1);
  return sql::read_history(*session, {with_lines}, [&](std::size_t done, std::size_t total) {
    bar.set_total(total);
    bar.update(done);
  });
}

an::TransactionTable load_store_purchases() {
  an::TransactionTable table;
  guarded([&] { table = std::move(read_store(false).purchases); });
  if (table.purchases.size() == 0)
    fail_store_command("the store holds no purchases (patron import or patron gen-data first)");
  return table;
}

an::Baskets load_store_baskets() {
  an::Baskets baskets;
  guarded([&] {
    auto history = read_store(true);
    baskets = an::baskets_from_lines(history.lines.purchase_row, history.lines.item, std::move(history.item_sku));
  });
  if (baskets.size() == 0) fail_store_command("the store holds no purchase lines to find rules in");
  return baskets;
}

struct AllCli {
  FullAnalysisOptions options;
  std::string as_of, period = "weeks", out_dir;
  bool json = false, csv = false, no_store = false, no_events = false;
};

void write_table(const std::filesystem::path& dir, const std::string& name, bool csv, const std::string& header,
                 const std::vector<std::vector<Json>>& rows) {
  const auto path = dir / (name + (csv ? ".csv" : ".json"));
  std::ofstream file(path);
  if (csv) {
    file << header << "\n";
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        file << (i ? "," : "") << (row[i].is_string() ? csv_field(row[i].get<std::string>()) : row[i].dump());
      }
      file << "\n";
    }
  } else {
    std::vector<std::string> keys;
    std::stringstream split(header);
    for (std::string key; std::getline(split, key, ',');) keys.push_back(key);
    Json list = Json::array();
    for (const auto& row : rows) {
      Json object = Json::object();
      for (std::size_t i = 0; i < row.size(); ++i) object[keys[i]] = row[i];
      list.push_back(std::move(object));
    }
    file << list.dump(2) << "\n";
  }
  if (!file) fail_store_command("cannot write " + path.string());
  std::cerr << "wrote " << path.string() << "\n";
}

Json nullable(const std::vector<double>& column, std::size_t i) {
  return column.empty() ? Json(nullptr) : Json(column[i]);
}

void write_all_outputs(const FullAnalysis& run, const std::string& dir, bool csv) {
  std::filesystem::create_directories(dir);
  const std::filesystem::path root(dir);
  std::ofstream(root / "summary.json") << run.summary.dump(2) << "\n";
  std::vector<std::vector<Json>> rows;
  const auto& s = run.scores;
  for (std::size_t i = 0; i < s.size(); ++i) {
    rows.push_back({s.customer_id[i], s.recency_days[i], s.frequency[i], s.monetary_minor[i], s.r_score[i],
                    s.f_score[i], s.m_score[i], s.segment[i], nullable(s.p_alive, i), nullable(s.expected_purchases, i),
                    nullable(s.expected_avg_spend, i), nullable(s.clv, i), s.top_category[i], s.top_brand[i]});
  }
  write_table(root, "scores", csv,
              "customer_id,recency_days,frequency,monetary_minor,r,f,m,segment,p_alive,expected_purchases,"
              "expected_avg_spend,clv,top_category,top_brand",
              rows);
  rows.clear();
  for (const auto& rule : run.rules) {
    rows.push_back({Json::parse(rule.antecedent), rule.consequent, rule.support, rule.confidence, rule.lift});
  }
  write_table(root, "rules", csv, "antecedent,consequent,support,confidence,lift", rows);
  rows.clear();
  for (const auto& c : run.cohorts) rows.push_back({c.first_month, c.months_after, c.customers, c.active});
  write_table(root, "cohorts", csv, "first_month,months_after,customers,active", rows);
  rows.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (const auto& [kind, ranked] : {std::pair{"category", &s.categories}, std::pair{"brand", &s.brands}}) {
      int rank = 0;
      for (const auto& pair : Json::parse((*ranked)[i]))
        rows.push_back({s.customer_id[i], kind, ++rank, pair[0], pair[1]});
    }
  }
  write_table(root, "affinities", csv, "customer_id,kind,rank,value,score", rows);
}

std::string events_line(const Json& events) {
  if (!events.value("used", false)) return "affinity from purchases only (events: " + events.value("reason", "") + ")";
  return "affinity blends " + std::to_string(events.value("blended", std::size_t{0})) + " of " +
         std::to_string(events.value("read", std::size_t{0})) + " behaviour events";
}

void run_all(AllCli cli) {
  if (!cli.as_of.empty()) {
    const auto day = an::parse_date(cli.as_of);
    if (!day) fail_store_command("--as-of expects YYYY-MM-DD");
    cli.options.as_of = *day;
  }
  cli.options.period = cli.period == "days" ? an::Period::days : an::Period::weeks;
  cli.options.store_results = !cli.no_store;
  if (cli.no_events) {
    cli.options.events_skipped_reason = "--no-events";
  } else {
    cli.options.open_events_store = open_events_store;
  }
  Result<FullAnalysis> run = Error::validation("analyze", "not run");
  guarded([&] {
    auto session = open_store();
    ProgressBar bar("reading transactions", 1);
    FullAnalysisHooks hooks;
    hooks.reading = [&](std::size_t done, std::size_t total) {
      bar.set_total(total);
      bar.update(done);
    };
    std::fprintf(stderr, "%-12s %9s %10s %10s\n", "stage", "seconds", "rss MB", "peak MB");
    hooks.stage_done = [](const StageReport& stage) {
      std::fprintf(stderr, "%-12s %9.2f %10.0f %10.0f\n", stage.stage.c_str(), stage.seconds, stage.rss_mb,
                   stage.peak_rss_mb);
    };
    run = run_full_analysis(*session, cli.options, now_seconds(), hooks);
  });
  if (!run.ok()) fail_store_command(run.error().message);
  double total = 0;
  for (const auto& stage : run->stages) total += stage.seconds;
  std::fprintf(stderr, "%-12s %9.2f\n", "total", total);
  if (!cli.out_dir.empty()) write_all_outputs(*run, cli.out_dir, cli.csv);
  Json summary = run->summary;
  summary["run_id"] = run->run_id;
  if (cli.json) {
    std::cout << summary.dump(2) << "\n";
  } else {
    std::cout << "analysed " << run->scores.size() << " customers, " << summary["purchases"] << " purchases; "
              << run->rules.size() << " rules, " << run->cohorts.size() << " cohort cells";
    if (run->run_id > 0) std::cout << "; stored as run " << run->run_id;
    std::cout << "\n" << events_line(summary["events"]) << "\n";
  }
}

struct AffinityCli {
  double half_life_days = 90.0;
  std::size_t top_k = 3;
  std::string kind = "category";
  bool json = false, csv = false, no_events = false;
};

// The events for one kind of affinity, or none (saying why on stderr, with
// the stage time as `analyze all` prints it).
an::EventColumns affinity_events(const AffinityCli& cli, const sql::StoredHistory& history, an::Day as_of) {
  const auto kind = cli.kind == "brand" ? AffinityKind::brand : AffinityKind::category;
  if (cli.no_events) return an::EventColumns(1);
  const auto start = std::chrono::steady_clock::now();
  auto store = open_events_store();
  auto events = store ? read_affinity_events(*store.value(), history, {as_of, cli.half_life_days, {}, {kind}})
                      : Result<AffinityEvents>(store.error());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!events) {
    std::cerr << "affinity from purchases only (events: " << events.error().message << ")\n";
    return an::EventColumns(1);
  }
  std::fprintf(stderr, "%-12s %9.2f   blended %zu of %zu behaviour events\n", "events", seconds, events->counts.blended,
               events->counts.read);
  return std::move(events->columns);
}

void run_affinity(const AffinityCli& cli) {
  sql::StoredHistory history;
  guarded([&] { history = read_store(true); });
  const auto& purchases = history.purchases.purchases;
  if (purchases.size() == 0) fail_store_command("the store holds no purchases");
  const bool brand = cli.kind == "brand";
  const an::Day as_of = an::day_after_last_purchase(purchases);
  an::EventColumns events;
  guarded([&] { events = affinity_events(cli, history, as_of); });
  const auto table =
      an::compute_affinity(purchases, history.lines, brand ? history.item_brand : history.item_category,
                           brand ? history.brand_names.size() : history.category_names.size(),
                           history.purchases.customer_count(), {as_of, cli.half_life_days, cli.top_k, 0}, events);
  const auto& names = brand ? history.brand_names : history.category_names;
  const auto& ids = history.purchases.customer_ids;
  if (cli.json) {
    Json list = Json::array();
    for (std::size_t i = 0; i < table.size(); ++i) {
      list.push_back(Json{{"customer_id", ids[table.customer_index[i]]},
                          {"kind", cli.kind},
                          {"rank", static_cast<int>(table.rank[i])},
                          {"value", names[table.attribute[i]]},
                          {"score", table.score[i]}});
    }
    std::cout << Json{{"affinities", list}}.dump(2) << "\n";
    return;
  }
  std::cout << "customer_id,kind,rank,value,score\n";
  for (std::size_t i = 0; i < table.size(); ++i) {
    std::cout << csv_field(ids[table.customer_index[i]]) << "," << cli.kind << "," << int(table.rank[i]) << ","
              << csv_field(names[table.attribute[i]]) << "," << table.score[i] << "\n";
  }
}

void add_all_command(CLI::App* analyze) {
  auto cli = std::make_shared<AllCli>();
  auto* command = analyze->add_subcommand(
      "all", "Every analysis over the SQL store, timed per stage, stored as the latest analytics run");
  auto& o = cli->options;
  command->add_option("--as-of", cli->as_of, "Day recency is counted to (default: the day after the last purchase)");
  command->add_option("--period", cli->period, "BTYD period: weeks or days")->check(CLI::IsMember({"weeks", "days"}));
  command->add_option("--horizon", o.horizon_periods, "Periods ahead for expected purchases and CLV")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--discount-rate", o.monthly_discount_rate, "CLV discount rate per 30-day month")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--min-support", o.rules.min_support)->capture_default_str()->check(CLI::Range(0.0, 1.0));
  command->add_option("--min-confidence", o.rules.min_confidence)->capture_default_str()->check(CLI::Range(0.0, 1.0));
  command->add_option("--max-rules", o.max_rules, "Rules kept, highest lift first")->capture_default_str();
  command->add_option("--half-life", o.half_life_days, "Affinity: days after which a purchase or event counts half")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--top", o.affinity_top_k, "Affinity: values kept per customer and kind")
      ->capture_default_str()
      ->check(CLI::Range(1, static_cast<int>(an::kMaxAffinityTopK)));
  command->add_flag("--no-store", cli->no_store, "Compute and report, but do not store the run");
  command->add_flag("--no-events", cli->no_events, "Affinity from purchases only, without behaviour events");
  auto* json = command->add_flag("--json", cli->json, "Print the run's summary as JSON");
  auto* csv = command->add_flag("--csv", cli->csv, "With --out: tables as CSV (default JSON)");
  json->excludes(csv);
  command->add_option("--out", cli->out_dir, "Write summary.json and the result tables into this directory");
  command->callback([cli] { run_all(*cli); });
}

void add_affinity_command(CLI::App* analyze) {
  auto cli = std::make_shared<AffinityCli>();
  auto* command = analyze->add_subcommand("affinity", "Category or brand affinity per customer, with recency decay");
  command->add_option("--kind", cli->kind, "category or brand")->check(CLI::IsMember({"category", "brand"}));
  command->add_option("--half-life", cli->half_life_days, "Days after which a purchase or event counts half")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--top", cli->top_k, "Values kept per customer")
      ->capture_default_str()
      ->check(CLI::Range(1, static_cast<int>(an::kMaxAffinityTopK)));
  command->add_flag("--no-events", cli->no_events, "Purchases only, without behaviour events");
  auto* json = command->add_flag("--json", cli->json, "JSON output");
  auto* csv = command->add_flag("--csv", cli->csv, "CSV output (the default)");
  json->excludes(csv);
  command->callback([cli] { run_affinity(*cli); });
}

}  // namespace

AnalyzeStoreHooks analyze_store_hooks() {
  AnalyzeStoreHooks hooks;
  hooks.load_purchases = load_store_purchases;
  hooks.load_baskets = load_store_baskets;
  hooks.add_commands = [](CLI::App* analyze) {
    add_all_command(analyze);
    add_affinity_command(analyze);
  };
  return hooks;
}

}  // namespace patron::app
