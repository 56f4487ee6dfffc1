// `patron import` and `patron gen-data`: purchases into the SQL store, from a
// file or simulated. Wiring and output only; the work is in import_history and
// gen_data.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "analytics/synthetic_history_csv.h"
#include "app/analyze/progress_bar.h"
#include "app/gen_data.h"
#include "app/import_history.h"
#include "app/store_access.h"
#include "app/store_commands.h"

namespace patron::app {
namespace {

namespace an = patron::analytics;
using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------- import

struct ImportCli {
  std::string file, format = "generic", source, store, currency;
  bool json = false;
};

void run_import(const ImportCli& cli) {
  const auto format = an::parse_transaction_format(cli.format);
  if (!format) fail_store_command("unknown --format " + cli.format);
  std::ifstream input(cli.file);
  if (!input) fail_store_command("cannot open " + cli.file);
  auto session = open_store();
  ProgressBar bar("importing " + cli.file, file_size_of(cli.file));
  const ImportSummary summary = import_history(*session, input, {*format, cli.source, cli.store, cli.currency},
                                               now_seconds(), [&](std::size_t bytes) { bar.update(bytes); });
  if (cli.json) {
    Json rejected = Json::object();
    for (const auto& [reason, count] : summary.read.rejected) rejected[reason] = count;
    std::cout << Json{{"lines", summary.read.lines},
                      {"accepted", summary.read.accepted},
                      {"rejected", rejected},
                      {"examples", summary.read.examples},
                      {"purchases_in_file", summary.purchases_in_file},
                      {"purchases_written", summary.written.purchases_written},
                      {"purchases_already_stored", summary.written.purchases_already_stored},
                      {"lines_written", summary.written.lines_written},
                      {"customers_created", summary.written.customers_created},
                      {"products_created", summary.written.products_created},
                      {"stores_created", summary.written.stores_created},
                      {"points_awarded", 0}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << format_import_report(summary);
  }
  if (summary.read.lines > 0 && summary.read.accepted == 0)
    fail_store_command("no line could be read as " + cli.format);
}

// ---------------------------------------------------------------- gen-data

struct GenDataCli {
  an::SyntheticOptions options;
  std::string start = "2023-01-01";
  std::string out_file;           // write the purchases here (generic CSV) instead of the store
  std::string products_out_file;  // and the catalogue (sku,name,category,brand)
};

// `--out FILE`: the same history as a `generic` purchases file, for
// `patron offers evaluate` and other offline tools; the store is not opened.
void write_gen_data_files(const GenDataCli& cli) {
  if (cli.options.purchases < cli.options.customers) fail_store_command("--transactions must be at least --customers");
  const an::SyntheticCatalog catalog = an::synthetic_catalog(cli.options);
  std::ofstream history(cli.out_file);
  const std::size_t written = an::write_synthetic_history_csv(history, cli.options, catalog);
  if (!history.flush()) fail_store_command("cannot write " + cli.out_file);
  if (!cli.products_out_file.empty()) {
    std::ofstream products(cli.products_out_file);
    an::write_synthetic_catalog_csv(products, catalog);
    if (!products.flush()) fail_store_command("cannot write " + cli.products_out_file);
  }
  std::cout << "wrote " << written << " purchases of " << cli.options.customers << " customers to " << cli.out_file
            << "\n";
}

void run_gen_data(GenDataCli cli) {
  const auto start = an::parse_date(cli.start);
  if (!start) fail_store_command("--start expects YYYY-MM-DD");
  cli.options.first_day = *start;
  if (!cli.out_file.empty()) return write_gen_data_files(cli);
  if (!cli.products_out_file.empty()) fail_store_command("--products-out goes with --out");
  auto session = open_store();
  ProgressBar bar("generating", cli.options.purchases);
  const auto counts =
      generate_into_store(*session, cli.options, now_seconds(), [&](std::size_t done) { bar.update(done); });
  if (!counts.ok()) fail_store_command(counts.error().message);
  std::cout << "generated " << counts->purchases_written << " purchases (" << counts->lines_written << " lines) of "
            << counts->customers_created << " customers over " << counts->products_created
            << " products; no points awarded\n";
}

}  // namespace

void add_import_command(CLI::App& app) {
  auto cli = std::make_shared<ImportCli>();
  auto* command = app.add_subcommand("import", "Load a purchases file into the SQL store (no points awarded)");
  command->add_option("file", cli->file, "Purchases file")->required();
  command->add_option("--format", cli->format, "generic, cdnow or online-retail")
      ->capture_default_str()
      ->check(CLI::IsMember({"generic", "cdnow", "online-retail"}));
  command->add_option("--source", cli->source, "Namespace of the file's customer ids (default: the format)");
  command->add_option("--store", cli->store, "Store code for purchases without one (default by format)");
  command->add_option("--currency", cli->currency,
                      "Currency for lines without one (default USD; GBP for online-retail)");
  command->add_flag("--json", cli->json, "Print the validation report as JSON");
  command->callback([cli] { guarded([&] { run_import(*cli); }); });
}

void add_gen_data_command(CLI::App& app) {
  auto cli = std::make_shared<GenDataCli>();
  auto& o = cli->options;
  auto* command = app.add_subcommand("gen-data", "Write a synthetic purchase history into the SQL store");
  command->add_option("--customers", o.customers)
      ->required()
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}));
  command->add_option("--transactions", o.purchases)
      ->required()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000'000}));
  command->add_option("--seed", o.seed)->capture_default_str();
  command->add_option("--products", o.products)
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
  command->add_option("--start", cli->start, "First day of the history (YYYY-MM-DD)")->capture_default_str();
  command->add_option("--days", o.history_days, "Length of the history in days")
      ->capture_default_str()
      ->check(CLI::Range(1, 36'500));
  command->add_option("--out", cli->out_file, "Write the purchases to this generic CSV file instead of the store");
  command->add_option("--products-out", cli->products_out_file,
                      "With --out: write the catalogue (sku,name,category,brand)");
  command->callback([cli] { guarded([&] { run_gen_data(*cli); }); });
}

}  // namespace patron::app
