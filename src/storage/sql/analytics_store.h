#pragma once
// Results of `patron analyze all`, one run at a time: the run's row (when,
// with which parameters, a JSON summary of the fits and aggregates) and its
// per-customer scores (RFM, BTYD, CLV, affinities), rules and cohort matrix. A run's results are written in
// one transaction with the run's status turning to 'finished', so readers
// (the HTTP API) never see half a run. The rows of runs older than the last
// kKeptAnalyticsRuns are deleted; their run rows stay as a history.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/sql/records.h"

namespace patron::sql {

inline constexpr long long kKeptAnalyticsRuns = 2;
inline constexpr std::size_t kAnalyticsWriteChunk = 50'000;

using patron::AnalyticsRunRecord;

// One row per scored customer; the optional columns are empty when the
// corresponding model did not run (no spend, too few customers).
struct CustomerScoreColumns {
  std::vector<std::string> customer_id;
  std::vector<long long> recency_days, frequency, monetary_minor;
  std::vector<int> r_score, f_score, m_score;
  std::vector<std::string> segment;
  std::vector<double> p_alive, expected_purchases, expected_avg_spend, clv;
  // Affinities: the first value ("" for none) and the top few as JSON [[value, score], ...].
  std::vector<std::string> top_category, top_brand, categories, brands;

  std::size_t size() const { return customer_id.size(); }
};

using patron::CustomerScoreRecord;

using patron::RuleRecord;

using patron::CohortCellRecord;

class AnalyticsStore {
 public:
  virtual ~AnalyticsStore() = default;

  // Writing a run: begin (committed, status 'running'), then write_results
  // inside one transaction the caller opens, ending with finish().
  virtual long long begin_run(std::int64_t started_at, const std::string& as_of_day, const std::string& parameters) = 0;
  virtual void write_scores(long long run_id, const CustomerScoreColumns& scores) = 0;
  virtual void write_rules(long long run_id, const std::vector<RuleRecord>& rules) = 0;
  virtual void write_cohorts(long long run_id, const std::vector<CohortCellRecord>& cells) = 0;
  virtual void finish_run(long long run_id, std::int64_t finished_at, const std::string& summary, long long customers,
                          long long purchases) = 0;
  virtual void mark_failed(long long run_id, std::int64_t finished_at, const std::string& reason) = 0;
  virtual void prune_old_runs(long long latest_run_id) = 0;

  // Reading the latest finished run.
  virtual std::optional<AnalyticsRunRecord> latest_run() = 0;
  virtual std::optional<CustomerScoreRecord> score_of(long long run_id, const std::string& customer_id) = 0;
  // Highest CLV (or monetary value) first, optionally one segment; paged by offset.
  virtual Page<CustomerScoreRecord> scores(long long run_id, const std::string& segment, bool by_clv, int limit,
                                           long long offset) = 0;
  virtual std::vector<RuleRecord> rules(long long run_id, int limit) = 0;
  // Only the rules with lift strictly above `lift`, best first: the console's
  // "Bought together" asks for lift > 1, items bought together more often
  // than chance would have them.
  virtual std::vector<RuleRecord> rules_with_lift_above(long long run_id, double lift, int limit) = 0;
  virtual std::vector<CohortCellRecord> cohorts(long long run_id) = 0;
};

}  // namespace patron::sql
