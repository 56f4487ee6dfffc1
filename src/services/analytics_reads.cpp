#include "services/analytics_reads.h"


namespace patron::services {

std::optional<AnalyticsRunRecord> AnalyticsReads::latest_run() {
  return session_.stores().analytics().latest_run();
}

Page<CustomerScoreRecord> AnalyticsReads::scores(long long run_id, const std::string& segment, bool by_clv, int limit,
                                                 long long offset) {
  return session_.stores().analytics().scores(run_id, segment, by_clv, limit, offset);
}

std::optional<CustomerScoreRecord> AnalyticsReads::score_of(long long run_id, const std::string& customer_id) {
  return session_.stores().analytics().score_of(run_id, customer_id);
}

std::optional<CustomerScoreRecord> AnalyticsReads::latest_score_of(const std::string& customer_id) {
  auto& runs = session_.stores().analytics();
  const auto run = runs.latest_run();
  return run ? runs.score_of(run->id, customer_id) : std::nullopt;
}

std::vector<CohortCellRecord> AnalyticsReads::cohorts(long long run_id) {
  return session_.stores().analytics().cohorts(run_id);
}

std::vector<RuleRecord> AnalyticsReads::rules_with_lift_above(long long run_id, double lift, int limit) {
  return session_.stores().analytics().rules_with_lift_above(run_id, lift, limit);
}

std::optional<std::string> AnalyticsReads::product_name(const std::string& sku) {
  const auto product = session_.stores().catalog().product_by_sku(sku);
  return product ? std::optional<std::string>(product->name) : std::nullopt;
}

}  // namespace patron::services
