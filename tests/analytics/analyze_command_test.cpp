// `patron analyze ...` driven through CLI11 as the main program will drive
// it, with stdout captured and the JSON checked.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/analyze/analyze_command.h"
#include "cli_run.h"
#include "test_data.h"

namespace patron::app {
namespace {

using analytics::testing::shared_data;

using testing::CliRun;

CliRun run(std::vector<std::string> args) {
  return testing::run_commands([](CLI::App& app) { add_analyze_command(app); }, std::move(args));
}

nlohmann::json run_json(const std::vector<std::string>& args) { return testing::printed_json(run(args)); }

TEST(AnalyzeCommand, BtydOnTheLifetimesSummary) {
  const auto json =
      run_json({"analyze", "btyd", "--summary", shared_data("cdnow/cdnow_customers_summary.csv"), "--json"});
  EXPECT_NEAR(json["models"]["bgnbd"]["r"].get<double>(), 0.243, 5e-4);
  EXPECT_NEAR(json["models"]["bgnbd"]["alpha"].get<double>(), 4.414, 5e-4);
  EXPECT_NEAR(json["models"]["bgnbd"]["a"].get<double>(), 0.793, 5e-4);
  EXPECT_NEAR(json["models"]["bgnbd"]["b"].get<double>(), 2.426, 5e-4);
  EXPECT_NEAR(json["models"]["bgnbd"]["log_likelihood"].get<double>(), -9582.4, 0.05);
  EXPECT_FALSE(json["models"].contains("gamma_gamma"));  // no spend column
  ASSERT_EQ(json["customers"].size(), 2357u);
  const auto& first = json["customers"][0];  // ID 1: x=2, t_x=30.43, T=38.86
  EXPECT_EQ(first["id"], "1");
  EXPECT_NEAR(first["expected_purchases"].get<double>(), 1.226, 5e-4);  // Hardie's sheet, 39 weeks
  EXPECT_GT(first["p_alive"].get<double>(), 0.0);
  EXPECT_FALSE(first.contains("clv"));
}

TEST(AnalyzeCommand, BtydOnHardiesSummaryWithSpend) {
  const auto json =
      run_json({"analyze", "btyd", "--summary", shared_data("cdnow/cdnow_customers_summary_with_transactions.csv"),
                "--horizon", "39", "--json"});
  EXPECT_NEAR(json["models"]["gamma_gamma"]["p"].get<double>(), 6.25, 5e-3);
  EXPECT_NEAR(json["models"]["gamma_gamma"]["q"].get<double>(), 3.74, 5e-3);
  EXPECT_NEAR(json["models"]["gamma_gamma"]["gamma"].get<double>(), 15.44, 1e-2);
  const auto& first = json["customers"][0];
  EXPECT_GT(first["expected_avg_spend"].get<double>(), 0.0);
  EXPECT_GT(first["clv"].get<double>(), 0.0);
}

TEST(AnalyzeCommand, BtydFromRawCdnowPurchases) {
  const auto json = run_json({"analyze", "btyd", "--transactions", shared_data("cdnow/CDNOW_sample.txt"), "--format",
                              "cdnow", "--calibration-end", "1997-09-30", "--period", "weeks", "--json"});
  EXPECT_NEAR(json["models"]["bgnbd"]["r"].get<double>(), 0.243, 5e-4);
  EXPECT_NEAR(json["models"]["bgnbd"]["b"].get<double>(), 2.426, 5e-4);
  EXPECT_NEAR(json["models"]["gamma_gamma"]["gamma"].get<double>(), 15.44, 5e-3);
  EXPECT_EQ(json["customers"].size(), 2357u);
}

TEST(AnalyzeCommand, RulesOnGroceries) {
  const auto json = run_json({"analyze", "rules", "--baskets", shared_data("groceries/groceries.csv"), "--min-support",
                              "0.001", "--min-confidence", "0.8", "--json"});
  EXPECT_EQ(json["transactions"], 9835);
  EXPECT_EQ(json["items"], 169);
  ASSERT_EQ(json["rules"].size(), 410u);
  const auto& top = json["rules"][0];
  EXPECT_EQ(top["antecedent"], nlohmann::json({"liquor", "red/blush wine"}));
  EXPECT_EQ(top["consequent"], nlohmann::json({"bottled beer"}));
  EXPECT_NEAR(top["lift"].get<double>(), 11.2352694, 1e-6);
}

TEST(AnalyzeCommand, RfmAndCohortsOnOnlineRetail) {
  const std::string file = shared_data("online-retail/online-retail-2010-12-sample.csv");
  const auto rfm = run_json({"analyze", "rfm", "--transactions", file, "--format", "online-retail", "--json"});
  EXPECT_EQ(rfm["as_of"], "2010-12-14");
  ASSERT_GT(rfm["customers"].size(), 0u);
  std::size_t in_segments = 0;
  for (const auto& [name, count] : rfm["segments"].items()) in_segments += count.get<std::size_t>();
  EXPECT_EQ(in_segments, rfm["customers"].size());
  const auto cohorts = run_json({"analyze", "cohorts", "--transactions", file, "--format", "online-retail", "--json"});
  ASSERT_EQ(cohorts["cohorts"].size(), 1u);  // the sample is one month
  EXPECT_EQ(cohorts["cohorts"][0]["month"], "2010-12");
  EXPECT_EQ(cohorts["cohorts"][0]["customers"], rfm["customers"].size());
}

TEST(AnalyzeCommand, ClvRanksCustomersAndWritesFiles) {
  const auto dir = std::filesystem::temp_directory_path() / "patron_analyze_test";
  std::filesystem::remove_all(dir);
  const CliRun result = run({"analyze", "clv", "--transactions", shared_data("cdnow/CDNOW_sample.txt"), "--format",
                             "cdnow", "--calibration-end", "1997-09-30", "--csv", "--out", dir.string()});
  ASSERT_EQ(result.exit_code, 0);
  std::ifstream csv(dir / "clv.csv");
  std::string header, first, second;
  do {
    std::getline(csv, header);
  } while (header.starts_with("#"));  // the models' parameters
  std::getline(csv, first);
  std::getline(csv, second);
  EXPECT_EQ(header, "id,x,t_x,T,p_alive,expected_purchases,expected_avg_spend,clv");
  EXPECT_GE(std::stod(first.substr(first.rfind(',') + 1)), std::stod(second.substr(second.rfind(',') + 1)));
  std::filesystem::remove_all(dir);
}

TEST(AnalyzeCommand, BadInputsFail) {
  EXPECT_NE(run({"analyze", "btyd"}).exit_code, 0);  // neither --summary nor --transactions
  EXPECT_NE(run({"analyze", "btyd", "--summary", "/nonexistent.csv"}).exit_code, 0);
  EXPECT_NE(
      run({"analyze", "rules", "--baskets", shared_data("groceries/groceries.csv"), "--min-support", "2"}).exit_code,
      0);
  EXPECT_NE(run({"analyze", "rfm", "--transactions", "x", "--format", "xml"}).exit_code, 0);
}

}  // namespace
}  // namespace patron::app
