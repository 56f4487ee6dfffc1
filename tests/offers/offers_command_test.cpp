// `patron offers evaluate` driven through CLI11 as the main program drives
// it, with stdout captured and the JSON checked.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analytics/synthetic_history_csv.h"
#include "app/offers_command.h"
#include "cli_run.h"
#include "test_files.h"

namespace patron::app {
namespace {

const std::string kOnlineRetail = testing::shared_data("online-retail/online-retail-2010-12-sample.csv");

using testing::CliRun;

CliRun run(std::vector<std::string> args) {
  return testing::run_commands([](CLI::App& app) { add_offers_command(app); }, std::move(args));
}

nlohmann::json run_json(const std::vector<std::string>& args) { return testing::printed_json(run(args)); }

void expect_engine_beats_both(const nlohmann::json& json) {
  const auto& hit = json["hit_rate"];
  EXPECT_GT(hit["engine"].get<double>(), hit["popularity"].get<double>()) << json.dump();
  EXPECT_GT(hit["engine"].get<double>(), hit["personal_popularity"].get<double>()) << json.dump();
}

TEST(OffersEvaluateCommand, EngineBeatsBothBaselinesOnTheOnlineRetailSample) {
  const auto json = run_json({"offers", "evaluate", "--history", kOnlineRetail, "--format", "online-retail", "--split",
                              "2010-12-08", "--k", "10", "--json"});
  EXPECT_EQ(json["k"], 10);
  // Customers with an invoice both in 1-7 and in 8-13 December 2010.
  EXPECT_EQ(json["customers_evaluated"].get<int>(), 62);
  for (const char* key : {"hit_rate", "recall"}) {
    for (const char* method : {"engine", "popularity", "personal_popularity"}) {
      const double value = json[key][method].get<double>();
      EXPECT_GE(value, 0.0);
      EXPECT_LE(value, 1.0);
    }
  }
  expect_engine_beats_both(json);
}

// What `patron gen-data --customers 2000 --transactions 20000 --seed 7 --out
// FILE --products-out FILE` writes (docs/offers.md), in a temporary directory.
struct GeneratedFiles {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("offers-test-" + std::to_string(::getpid()));
  std::string history = (dir / "history.csv").string(), products = (dir / "products.csv").string();

  GeneratedFiles() {
    std::filesystem::create_directories(dir);
    analytics::SyntheticOptions options;
    options.customers = 2000;
    options.purchases = 20'000;
    options.seed = 7;
    const auto catalog = analytics::synthetic_catalog(options);
    std::ofstream history_out(history), products_out(products);
    analytics::write_synthetic_history_csv(history_out, options, catalog);
    analytics::write_synthetic_catalog_csv(products_out, catalog);
  }
  ~GeneratedFiles() { std::filesystem::remove_all(dir); }
};

TEST(OffersEvaluateCommand, EngineBeatsBothBaselinesOnAGenDataHistory) {
  const GeneratedFiles files;
  // The history runs 2023-01-01 to 2024-12-31: the last quarter is scored.
  const auto json = run_json({"offers", "evaluate", "--history", files.history, "--format", "generic", "--products",
                              files.products, "--split", "2024-10-01", "--k", "10", "--json"});
  EXPECT_GT(json["customers_evaluated"].get<int>(), 300);
  expect_engine_beats_both(json);
}

TEST(OffersEvaluateCommand, PrintsATableWithoutJson) {
  const auto result = run({"offers", "evaluate", "--history", kOnlineRetail, "--format", "online-retail", "--split",
                           "2010-12-08", "--k", "5"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("customers evaluated:"), std::string::npos);
  EXPECT_NE(result.out.find("personal popularity"), std::string::npos);
  EXPECT_NE(result.out.find("hit rate@5"), std::string::npos);
}

TEST(OffersEvaluateCommand, ErrorsAreClearAndExitNonZero) {
  const std::vector<std::string> base{"offers", "evaluate", "--history", kOnlineRetail, "--format", "online-retail"};
  auto with = [&](std::vector<std::string> extra) {
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  };
  const auto bad_date = with({"--split", "2010-13-45"});
  EXPECT_NE(bad_date.exit_code, 0);
  EXPECT_NE(bad_date.err.find("--split"), std::string::npos) << bad_date.err;
  EXPECT_NE(with({"--split", "2010-12-08", "--k", "0"}).exit_code, 0);
  const auto big_k = with({"--split", "2010-12-08", "--k", "101"});
  EXPECT_NE(big_k.exit_code, 0);
  EXPECT_NE(big_k.err.find("--k"), std::string::npos) << big_k.err;
  const auto nobody = with({"--split", "2011-06-01"});
  EXPECT_NE(nobody.exit_code, 0);
  EXPECT_NE(nobody.err.find("no customer"), std::string::npos) << nobody.err;
  EXPECT_NE(run({"offers", "evaluate", "--history", "/nonexistent.csv", "--split", "2010-12-08"}).exit_code, 0);
  const auto header_only = std::filesystem::temp_directory_path() / ("offers-empty-" + std::to_string(::getpid()));
  std::ofstream(header_only) << "customer_id,occurred_at,sku,quantity,unit_price_minor\n";
  const auto empty = run({"offers", "evaluate", "--history", header_only.string(), "--split", "2010-12-08"});
  std::filesystem::remove(header_only);
  EXPECT_NE(empty.exit_code, 0);
  EXPECT_NE(empty.err.find("no purchase line"), std::string::npos) << empty.err;
}

}  // namespace
}  // namespace patron::app
