#pragma once
// The stored analytics runs as the console and the 360° view read them: the
// latest finished run, its scores a page at a time, its cohorts and rules.
// `patron analyze all` writes the runs (services/full_analysis.cpp).
#include <optional>
#include <string>
#include <vector>

#include "domain/records.h"
#include "services/session.h"

namespace patron::services {

class AnalyticsReads {
 public:
  explicit AnalyticsReads(Session session) : session_(session) {}

  std::optional<AnalyticsRunRecord> latest_run();
  Page<CustomerScoreRecord> scores(long long run_id, const std::string& segment, bool by_clv, int limit,
                                   long long offset);
  std::optional<CustomerScoreRecord> score_of(long long run_id, const std::string& customer_id);
  // The customer's scores in the latest run; none before the first run.
  std::optional<CustomerScoreRecord> latest_score_of(const std::string& customer_id);
  std::vector<CohortCellRecord> cohorts(long long run_id);
  std::vector<RuleRecord> rules_with_lift_above(long long run_id, double lift, int limit);
  // The catalog name of a product the rules name by SKU; none when it is not
  // (or no longer) an active product.
  std::optional<std::string> product_name(const std::string& sku);

 private:
  Session session_;
};

}  // namespace patron::services
