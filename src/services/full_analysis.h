#pragma once
// `patron analyze all`: every analysis over the stored history in one pass of
// reading, each stage timed with the process's memory, and the results
// written back as one analytics run (the AnalyticsStore port, storage/sql/analytics_store.h).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/association_rules.h"
#include "analytics/calendar.h"
#include "analytics/customer_summary.h"
#include "services/session.h"
#include "storage/documents/document_store.h"

namespace patron::services {

inline constexpr double kMinRuleBaskets = 5.0;

struct FullAnalysisOptions {
  std::optional<analytics::Day> as_of;  // default: the day after the last purchase
  analytics::Period period = analytics::Period::weeks;
  double horizon_periods = 39.0;
  double monthly_discount_rate = 0.01;
  // Support is also floored at kMinRuleBaskets baskets: on a few hundred large
  // baskets a fractional support admits itemsets seen once, and their number explodes.
  analytics::RuleOptions rules{0.01, 0.1, 2, 3};
  std::size_t max_rules = 1000;
  double half_life_days = 90.0;
  std::size_t affinity_top_k = 3;
  // Behaviour events blended into affinity (services/affinity_events.h): opens the
  // store to read them from, in the timed "events" stage, and closes it after
  // the read; unset for purchases only, with the reason the run's summary gives.
  std::function<Result<std::unique_ptr<documents::DocumentStore>>()> open_events_store;
  std::string events_skipped_reason = "not requested";
  bool store_results = true;  // false: compute and report only
};

struct StageReport {
  std::string stage;
  double seconds = 0;
  double rss_mb = 0;       // resident after the stage
  double peak_rss_mb = 0;  // the process's peak so far
};

// What a run produced, in the shapes it is stored in.
struct FullAnalysis {
  long long run_id = 0;  // 0 when not stored
  std::vector<StageReport> stages;
  // Parameters, fits, counts, stage times, and the aggregates the API shows:
  // segments and the most common first categories and brands.
  nlohmann::ordered_json summary;
  sql::CustomerScoreColumns scores;
  std::vector<RuleRecord> rules;
  std::vector<CohortCellRecord> cohorts;
};

inline constexpr std::size_t kPopularAffinitiesShown = 20;

// Called as reading proceeds (transactions done, in all) and as each stage ends.
struct FullAnalysisHooks {
  std::function<void(std::size_t done, std::size_t total)> reading;
  std::function<void(const StageReport&)> stage_done;
};

Result<FullAnalysis> run_full_analysis(Session session, const FullAnalysisOptions& options, std::int64_t now,
                                       const FullAnalysisHooks& hooks = {});

}  // namespace patron::services
