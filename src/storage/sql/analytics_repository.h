#pragma once
// The SOCI adapter of the AnalyticsStore port (storage/sql/analytics_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/sql/analytics_store.h"

namespace patron::sql {

class AnalyticsRepository final : public AnalyticsStore {
 public:
  explicit AnalyticsRepository(soci::session& session) : session_(session) {}

  // Writing a run: begin (committed, status 'running'), then write_results
  // inside one transaction the caller opens, ending with finish().
  long long begin_run(std::int64_t started_at, const std::string& as_of_day, const std::string& parameters) override;
  void write_scores(long long run_id, const CustomerScoreColumns& scores) override;
  void write_rules(long long run_id, const std::vector<RuleRecord>& rules) override;
  void write_cohorts(long long run_id, const std::vector<CohortCellRecord>& cells) override;
  void finish_run(long long run_id, std::int64_t finished_at, const std::string& summary, long long customers,
                  long long purchases) override;
  void mark_failed(long long run_id, std::int64_t finished_at, const std::string& reason) override;
  void prune_old_runs(long long latest_run_id) override;

  // Reading the latest finished run.
  std::optional<AnalyticsRunRecord> latest_run() override;
  std::optional<CustomerScoreRecord> score_of(long long run_id, const std::string& customer_id) override;
  // Highest CLV (or monetary value) first, optionally one segment; paged by offset.
  Page<CustomerScoreRecord> scores(long long run_id, const std::string& segment, bool by_clv, int limit,
                                   long long offset) override;
  std::vector<RuleRecord> rules(long long run_id, int limit) override;
  // Only the rules with lift strictly above `lift`, best first: the console's
  // "Bought together" asks for lift > 1, items bought together more often
  // than chance would have them.
  std::vector<RuleRecord> rules_with_lift_above(long long run_id, double lift, int limit) override;
  std::vector<CohortCellRecord> cohorts(long long run_id) override;

 private:
  soci::session& session_;
};

}  // namespace patron::sql
