#pragma once
// The stored analytics runs as the console and the 360° view read them: the
// latest finished run, its scores a page at a time, its cohorts and rules.
// `patron analyze all` writes the runs (src/app/full_analysis.cpp).
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "storage/sql/analytics_repository.h"

namespace patron::services {

class AnalyticsReads {
 public:
  explicit AnalyticsReads(soci::session& session) : runs_(session) {}

  std::optional<sql::AnalyticsRunRecord> latest_run() { return runs_.latest_run(); }
  sql::Page<sql::CustomerScoreRecord> scores(long long run_id, const std::string& segment, bool by_clv, int limit,
                                             long long offset) {
    return runs_.scores(run_id, segment, by_clv, limit, offset);
  }
  std::optional<sql::CustomerScoreRecord> score_of(long long run_id, const std::string& customer_id) {
    return runs_.score_of(run_id, customer_id);
  }
  // The customer's scores in the latest run; none before the first run.
  std::optional<sql::CustomerScoreRecord> latest_score_of(const std::string& customer_id) {
    const auto run = runs_.latest_run();
    return run ? runs_.score_of(run->id, customer_id) : std::nullopt;
  }
  std::vector<sql::CohortCellRecord> cohorts(long long run_id) { return runs_.cohorts(run_id); }
  std::vector<sql::RuleRecord> rules_with_lift_above(long long run_id, double lift, int limit) {
    return runs_.rules_with_lift_above(run_id, lift, limit);
  }

 private:
  sql::AnalyticsRepository runs_;
};

}  // namespace patron::services
