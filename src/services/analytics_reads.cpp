#include "services/analytics_reads.h"

#include "storage/sql/analytics_repository.h"

namespace patron::services {

std::optional<AnalyticsRunRecord> AnalyticsReads::latest_run() {
  return sql::AnalyticsRepository(session_).latest_run();
}

Page<CustomerScoreRecord> AnalyticsReads::scores(long long run_id, const std::string& segment, bool by_clv, int limit,
                                                 long long offset) {
  return sql::AnalyticsRepository(session_).scores(run_id, segment, by_clv, limit, offset);
}

std::optional<CustomerScoreRecord> AnalyticsReads::score_of(long long run_id, const std::string& customer_id) {
  return sql::AnalyticsRepository(session_).score_of(run_id, customer_id);
}

std::optional<CustomerScoreRecord> AnalyticsReads::latest_score_of(const std::string& customer_id) {
  sql::AnalyticsRepository runs(session_);
  const auto run = runs.latest_run();
  return run ? runs.score_of(run->id, customer_id) : std::nullopt;
}

std::vector<CohortCellRecord> AnalyticsReads::cohorts(long long run_id) {
  return sql::AnalyticsRepository(session_).cohorts(run_id);
}

std::vector<RuleRecord> AnalyticsReads::rules_with_lift_above(long long run_id, double lift, int limit) {
  return sql::AnalyticsRepository(session_).rules_with_lift_above(run_id, lift, limit);
}

}  // namespace patron::services
