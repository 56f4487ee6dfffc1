#include "app/offers_command.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "analytics/csv.h"
#include "analytics/transaction_file.h"
#include "offers/evaluation.h"

namespace patron::app {
namespace {

namespace an = patron::analytics;
using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxProducts = 10'000'000;  // catalogue lines read from --products

struct EvaluateCli {
  std::string history_file;
  std::string format = "generic";
  std::string products_file;
  std::string split;
  std::size_t k = 10;
  std::vector<double> weights;  // tuning: association, category, brand, popularity[, repeat prior, shrinkage]
  bool json = false;
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

void read_history_lines(const EvaluateCli& cli, offers::PurchaseHistoryBuilder& builder) {
  const auto format = an::parse_transaction_format(cli.format);
  if (!format || *format == an::TransactionFormat::cdnow) {
    fail("--format is generic or online-retail (CDNOW purchases name no products)");
  }
  auto input = open_input(cli.history_file);
  an::PurchaseLineReader reader(input, *format);
  an::ReadReport report;
  an::PurchaseLine line;
  while (reader.next(line, report)) {
    const std::int64_t instant = offers::start_of_day(line.day) + line.seconds_of_day;
    auto added = builder.add_line(line.customer_id, instant, line.purchase_key, line.sku);
    if (!added.ok()) fail(cli.history_file + ": " + added.error().message);
  }
  if (report.rejected_total() > 0) {
    std::cerr << "read " << report.accepted << " of " << report.lines << " lines; rejected:";
    for (const auto& [reason, count] : report.rejected) std::cerr << " " << reason << " " << count << ";";
    std::cerr << "\n";
  }
  if (report.accepted == 0) fail(cli.history_file + ": no purchase line could be read as " + cli.format);
}

// `sku,name,category,brand` with a header line.
void read_products(const std::string& path, offers::PurchaseHistoryBuilder& builder) {
  auto input = open_input(path);
  std::string text, scratch;
  std::vector<std::string_view> fields;
  std::getline(input, text);  // header
  for (std::size_t n = 0; n < kMaxProducts && std::getline(input, text); ++n) {
    if (an::trim(text).empty()) continue;
    an::split_csv_line(text, fields, scratch);
    if (fields.size() < 4 || an::trim(fields[0]).empty()) fail(path + ": expected sku,name,category,brand");
    builder.set_product(an::trim(fields[0]), an::trim(fields[2]), an::trim(fields[3]));
  }
}

offers::RecommenderWeights weights_of(const EvaluateCli& cli) {
  offers::RecommenderWeights weights;
  if (cli.weights.empty()) return weights;
  if (cli.weights.size() != 4 && cli.weights.size() != 6) {
    fail("--weights takes association,category,brand,popularity[,repeat_prior,association_shrinkage]");
  }
  weights.association = cli.weights[0];
  weights.category = cli.weights[1];
  weights.brand = cli.weights[2];
  weights.popularity = cli.weights[3];
  if (cli.weights.size() == 6) {
    weights.repeat_prior = cli.weights[4];
    weights.association_shrinkage = cli.weights[5];
  }
  return weights;
}

Json figures_json(const offers::MethodFigures& figures) {
  return {{"engine", figures.engine},
          {"popularity", figures.popularity},
          {"personal_popularity", figures.personal_popularity}};
}

std::string figures_table(const offers::EvaluationResult& result) {
  std::ostringstream out;
  out << "customers evaluated: " << result.customers_evaluated << "\n" << std::fixed << std::setprecision(4);
  out << std::left << std::setw(22) << "method" << std::setw(14) << ("hit rate@" + std::to_string(result.k))
      << "recall@" << result.k << "\n";
  const auto row = [&](const char* name, double hit, double recall) {
    out << std::left << std::setw(22) << name << std::setw(14) << hit << recall << "\n";
  };
  row("engine", result.hit_rate.engine, result.recall.engine);
  row("popularity", result.hit_rate.popularity, result.recall.popularity);
  row("personal popularity", result.hit_rate.personal_popularity, result.recall.personal_popularity);
  return out.str();
}

void run_evaluate(const EvaluateCli& cli) {
  const auto split = an::parse_date(cli.split);
  if (!split) fail("--split expects a date YYYY-MM-DD, got " + cli.split);
  if (cli.k < 1 || cli.k > offers::kMaxEvaluationK) {
    fail("--k must be between 1 and " + std::to_string(offers::kMaxEvaluationK));
  }
  offers::PurchaseHistoryBuilder builder;
  read_history_lines(cli, builder);
  if (!cli.products_file.empty()) read_products(cli.products_file, builder);
  const offers::PurchaseHistory history = builder.finish();
  const auto result = offers::evaluate(history, {*split, cli.k, weights_of(cli)});
  if (!result.ok()) fail(result.error().message);
  if (!cli.json) {
    std::cout << figures_table(*result);
    return;
  }
  const Json json{{"customers_evaluated", result->customers_evaluated},
                  {"k", result->k},
                  {"hit_rate", figures_json(result->hit_rate)},
                  {"recall", figures_json(result->recall)}};
  std::cout << json.dump(2) << "\n";
}

void add_evaluate_command(CLI::App* offers) {
  auto cli = std::make_shared<EvaluateCli>();
  auto* command = offers->add_subcommand(
      "evaluate", "Offline evaluation: the recommender against popularity and personal popularity");
  command->add_option("--history", cli->history_file, "Purchases file")->required();
  command->add_option("--format", cli->format, "generic or online-retail")->capture_default_str();
  command->add_option("--products", cli->products_file, "Catalogue: sku,name,category,brand with a header");
  command->add_option("--split", cli->split, "First day scored (YYYY-MM-DD); the engine learns from the days before")
      ->required();
  command->add_option("--k", cli->k, "Products recommended per customer (1-100)")->capture_default_str();
  command
      ->add_option("--weights", cli->weights,
                   "Engine weights, for tuning: association,category,brand,popularity[,repeat_prior,association_shrinkage]")
      ->delimiter(',');
  command->add_flag("--json", cli->json, "Print JSON");
  command->callback([cli] { run_evaluate(*cli); });
}

}  // namespace

CLI::App* add_offers_command(CLI::App& app) {
  auto* offers = app.add_subcommand("offers", "Personalized offers")->require_subcommand(1);
  add_evaluate_command(offers);
  // `offers generate` (campaign offer generation) is added by the main program
  // to the subcommand returned here.
  return offers;
}

}  // namespace patron::app
