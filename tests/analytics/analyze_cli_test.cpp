// Issue 14's "a CLI that never lies": each case runs `patron analyze ...`
// through CLI11 as the program does, with stdout and stderr captured.
#include <gtest/gtest.h>

#include <unistd.h>
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
using Json = nlohmann::json;

using testing::CliRun;

CliRun run(std::vector<std::string> args) {
  return testing::run_commands([](CLI::App& app) { add_analyze_command(app); }, std::move(args));
}

// The run failed (exit code 1) saying `message` on stderr.
void expect_refused(const CliRun& result, const std::string& message) {
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
}

// Named by process id: ctest runs each case as its own process, side by side,
// and two cases started in the same millisecond share gtest's random seed.
class TempFile {
 public:
  explicit TempFile(const std::string& text) {
    path_ = (std::filesystem::temp_directory_path() /
             ("patron_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++) + ".csv"))
                .string();
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::string path_;
};

// `analyze btyd` on a summary file holding `summary_text`.
CliRun btyd_on(const std::string& summary_text, const std::vector<std::string>& extra = {}) {
  TempFile file(summary_text);
  std::vector<std::string> args{"analyze", "btyd", "--summary", file.path()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run(args);
}

Json btyd_json(const std::string& summary_text, std::vector<std::string> extra = {}) {
  extra.insert(extra.begin(), "--json");
  const CliRun result = btyd_on(summary_text, extra);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.exit_code == 0 ? Json::parse(result.out) : Json();
}

std::string cdnow_summary_head(std::size_t rows) {
  std::ifstream input(shared_data("cdnow/cdnow_customers_summary.csv"));
  std::string text, line;
  for (std::size_t k = 0; k <= rows && std::getline(input, line); ++k) text += line + "\n";
  return text;
}

TEST(AnalyzeCli, SummaryColumnsAreFoundByNameInAnyOrderAndCase) {
  const Json reference = btyd_json(cdnow_summary_head(3000));
  // Same data, columns reordered, the id lower-case and a '+' on recency.
  std::istringstream rows(cdnow_summary_head(3000));
  std::string line, text = "T,recency,id,frequency\n";
  std::getline(rows, line);
  while (std::getline(rows, line)) {
    std::vector<std::string> f;
    std::stringstream split(line);
    for (std::string field; std::getline(split, field, ',');) f.push_back(field);
    text += f[3] + ",+" + f[2] + "," + f[0] + "," + f[1] + "\n";
  }
  const Json reordered = btyd_json(text);
  EXPECT_EQ(reordered["models"]["bgnbd"], reference["models"]["bgnbd"]);
  EXPECT_EQ(reordered["customers"][1]["id"], "2");
  EXPECT_EQ(reordered["customers"][1]["t_x"], 1.71);
}

// Ids are the retailer's own text: JSON output escapes what JSON needs escaped
// (quote, backslash, control characters) and reads back as the same id.
TEST(AnalyzeCli, JsonOutputEscapesIdsSoTheyReadBackUnchanged) {
  struct OddId {
    std::string in_csv, id;
  };
  const std::vector<OddId> odd_ids = {{"back\\slash", "back\\slash"},
                                      {"tab\there", "tab\there"},
                                      {"bell\x07", "bell\x07"},
                                      {"\"quote\"\"d\"", "quote\"d"}};
  std::istringstream rows(cdnow_summary_head(3000));
  std::string line, text;
  std::getline(rows, line);
  text = line + "\n";
  for (std::size_t k = 0; std::getline(rows, line); ++k) {
    if (k < odd_ids.size()) line = odd_ids[k].in_csv + line.substr(line.find(','));
    text += line + "\n";
  }
  const Json printed = btyd_json(text);
  ASSERT_TRUE(printed.contains("customers"));
  for (std::size_t k = 0; k < odd_ids.size(); ++k) EXPECT_EQ(printed["customers"][k]["id"], odd_ids[k].id);
}

TEST(AnalyzeCli, SummaryWithoutIdColumnIsRefusedNamingIt) {
  const CliRun result = btyd_on("frequency,recency,T\n2,30.43,38.86\n1,1.71,38.86\n");
  expect_refused(result, "no ID column");
  EXPECT_TRUE(result.out.empty());
}

TEST(AnalyzeCli, DuplicateIdsAreRefused) {
  expect_refused(btyd_on("ID,frequency,recency,T\n7,2,30.43,38.86\n8,0,0,38.86\n7,1,1.71,38.86\n"),
                 "'7' appears twice");
}

TEST(AnalyzeCli, EmptySpendIsAcceptedOnlyWithoutRepeatPurchases) {
  std::string text = "ID,x,t_x,T,zbar\n";
  std::ifstream input(shared_data("cdnow/cdnow_customers_summary_with_transactions.csv"));
  std::string line;
  std::getline(input, line);
  while (std::getline(input, line)) {
    // Hardie's file writes zbar 0 where x = 0 (",0,0,T,0"); an empty field means the same.
    if (line.find(",0,0,") != std::string::npos) line = line.substr(0, line.rfind(',') + 1);
    text += line + "\n";
  }
  const Json json = btyd_json(text);
  EXPECT_TRUE(json["models"].contains("gamma_gamma"));
  expect_refused(btyd_on("ID,x,t_x,T,zbar\n1,2,30.43,38.86,\n"),
                 "monetary_value is empty for a customer with repeat purchases");
}

TEST(AnalyzeCli, ABadNumberNamesItsColumnAndLine) {
  expect_refused(btyd_on("ID,frequency,recency,T\n1,2,30.43,38.86\n2,1,soon,38.86\n"),
                 "line 3: recency is not a number: 'soon'");
}

TEST(AnalyzeCli, ABadLineDeepInALargeFileIsNamedByItsLineInTheFile) {
  // Large files are read in slices on several threads; the line is still the file's.
  std::string text = "ID,frequency,recency,T\n";
  for (int row = 1; row <= 300'000; ++row) {
    text += "customer-" + std::to_string(row) + (row == 250'000 ? ",1,9,x\n" : ",1,12.5,38.86\n");
  }
  expect_refused(btyd_on(text), "line 250001: T is not a number: 'x'");
}

TEST(AnalyzeCli, ADegenerateFitFailsInsteadOfPrintingNaN) {
  const CliRun result = btyd_on("ID,frequency,recency,T\na,1,5,20\nb,2,10,30\nc,0,0,15\n", {"--json"});
  expect_refused(result, "did not converge");
  EXPECT_EQ(result.out.find("nan"), std::string::npos);
  EXPECT_EQ(result.out.find("null"), std::string::npos);
}

TEST(AnalyzeCli, RfmOnAnEmptyFileFails) {
  TempFile file("");
  const CliRun result = run({"analyze", "rfm", "--transactions", file.path(), "--format", "cdnow"});
  expect_refused(result, "holds no purchases");
  EXPECT_EQ(result.out.find("1970"), std::string::npos);
}

TEST(AnalyzeCli, AWrongFormatSuggestsTheRightOne) {
  expect_refused(run({"analyze", "rfm", "--transactions", shared_data("cdnow/CDNOW_master.txt")}),
                 "It looks like cdnow: try --format cdnow.");
  expect_refused(run({"analyze", "rfm", "--transactions", shared_data("online-retail/online-retail-2010-12-sample.csv"),
                      "--format", "cdnow"}),
                 "try --format online-retail");
}

TEST(AnalyzeCli, JsonIsCompactUnlessPrettyIsAsked) {
  const std::string file = shared_data("cdnow/cdnow_customers_summary.csv");
  const CliRun compact = run({"analyze", "btyd", "--summary", file, "--json"});
  const CliRun pretty = run({"analyze", "btyd", "--summary", file, "--json", "--pretty"});
  ASSERT_EQ(compact.exit_code, 0);
  EXPECT_EQ(compact.out.find('\n'), compact.out.size() - 1);  // one line
  EXPECT_NE(pretty.out.find("\n  \"models\": {"), std::string::npos);
  EXPECT_EQ(Json::parse(compact.out), Json::parse(pretty.out));
}

TEST(AnalyzeCli, CsvAndJsonCarryTheSameFields) {
  const std::string file = shared_data("cdnow/cdnow_customers_summary_with_transactions.csv");
  const CliRun csv = run({"analyze", "clv", "--summary", file, "--csv"});
  const Json json = Json::parse(run({"analyze", "clv", "--summary", file, "--json"}).out);
  std::istringstream lines(csv.out);
  std::string line, header, first;
  std::vector<std::string> comments;
  while (std::getline(lines, line) && line.starts_with("# ")) comments.push_back(line);
  header = line;
  std::getline(lines, first);
  std::vector<std::string> columns;
  std::stringstream split(header);
  for (std::string column; std::getline(split, column, ',');) columns.push_back(column);
  const Json& customer = json["customers"][0];
  ASSERT_EQ(columns.size(), customer.size());
  for (const auto& column : columns) EXPECT_TRUE(customer.contains(column)) << column;
  EXPECT_EQ(first.substr(0, first.find(',')), customer["id"]);
  // Parameters with their log-likelihood, both models, and the horizon.
  ASSERT_GE(comments.size(), 3u);
  EXPECT_NE(comments[0].find("horizon_periods: 39"), std::string::npos);
  EXPECT_NE(comments[1].find("log_likelihood="), std::string::npos);
  EXPECT_NE(comments[2].find("gamma_gamma: p="), std::string::npos);
  EXPECT_TRUE(json["models"]["gamma_gamma"].contains("log_likelihood"));
  EXPECT_EQ(json["horizon_periods"], 39);
  for (const char* field : {"x", "t_x", "T", "p_alive", "expected_purchases", "expected_avg_spend", "clv"}) {
    EXPECT_TRUE(customer.contains(field)) << field;
  }
}

TEST(AnalyzeCli, RulesDefaultsLeaveOutEmptyAntecedentsAndDoNotCapLength) {
  const std::string file = shared_data("groceries/groceries.csv");
  const Json defaults = Json::parse(
      run({"analyze", "rules", "--baskets", file, "--min-support", "0.02", "--min-confidence", "0.2", "--json"}).out);
  EXPECT_EQ(defaults["max_length"], "none");
  EXPECT_EQ(defaults["min_length"], 2);
  for (const auto& rule : defaults["rules"]) EXPECT_FALSE(rule["antecedent"].empty());
  const Json with_empty = Json::parse(run({"analyze", "rules", "--baskets", file, "--min-support", "0.02",
                                           "--min-confidence", "0.2", "--min-length", "1", "--json"})
                                          .out);
  std::size_t empty = 0;
  for (const auto& rule : with_empty["rules"]) empty += rule["antecedent"].empty() ? 1 : 0;
  EXPECT_GT(empty, 0u);  // whole milk alone is bought in over 20 % of baskets
  const Json confident =
      Json::parse(run({"analyze", "rules", "--baskets", file, "--min-support", "0.001", "--json"}).out);
  EXPECT_EQ(confident["min_confidence"], 0.8);
  EXPECT_EQ(confident["rules"].size(), 410u);  // arules' count at 0.001 / 0.8
}

TEST(AnalyzeCli, MbgnbdLetsOneTimeBuyersFadeWithTime) {
  const Json json = btyd_json(cdnow_summary_head(2357) + "late,0,0,10\nearly,0,0,60\n", {"--model", "mbgnbd"});
  ASSERT_EQ(json["model"], "mbgnbd");
  const auto& customers = json["customers"];
  const Json late = customers[customers.size() - 2], early = customers[customers.size() - 1];
  EXPECT_LT(late["p_alive"].get<double>(), 1.0);
  EXPECT_LT(early["p_alive"].get<double>(), late["p_alive"].get<double>());
  const Json bgnbd = btyd_json(cdnow_summary_head(2357) + "late,0,0,10\n");
  EXPECT_EQ(bgnbd["customers"][bgnbd["customers"].size() - 1]["p_alive"], 1.0);  // why MBG/NBD exists
}

TEST(AnalyzeCli, ModelsChoosesTheLowestHoldoutError) {
  const CliRun result = run({"analyze", "models", "--transactions", shared_data("cdnow/CDNOW_master.txt"), "--format",
                             "cdnow", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json json = Json::parse(result.out);
  EXPECT_EQ(json["customers"], 23570);
  EXPECT_EQ(json["holdout_duration"], 39);
  std::string best;
  double lowest = 1e300;
  for (const auto& model : json["models"]) {
    if (model["holdout_rmse"].get<double>() < lowest) lowest = model["holdout_rmse"], best = model["model"];
  }
  EXPECT_EQ(json["chosen"], best);
  ASSERT_EQ(json["chart"].size(), 8u);  // calibration frequencies 0..6 and 7+
  EXPECT_EQ(json["chart"][7]["frequency_cal"], "7+");
  std::int64_t customers = 0;
  for (const auto& row : json["chart"]) customers += row["customers"].get<std::int64_t>();
  EXPECT_EQ(customers, 23570);
}

}  // namespace
}  // namespace patron::app
