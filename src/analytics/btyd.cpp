#include "analytics/btyd.h"

#include "analytics/parallel.h"
#include "analytics/sufficient_statistics.h"

namespace patron::analytics {
namespace {

// A group's discounted CLV sums a dozen hypergeometric series (about half a
// microsecond). Measured on CDNOW's 2,000 groups, a second thread gained
// nothing (its start and first touches cost what it saved), so it starts at
// 5,000 groups a worker.
constexpr std::size_t kMinClvGroupsPerWorker = 5'000;

void add_spend_and_clv(const CustomerSummary& summary, const BtydGroups& groups,
                       const BtydOptions& options, BtydReport& report) {
  const GammaGammaParams& spend = report.gamma_gamma->params;
  std::vector<double> discounted(groups.size());
  const unsigned workers = workers_for(groups.size(), kMinClvGroupsPerWorker, options.workers);
  parallel_chunks(groups.size(), workers, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t g = begin; g < end; ++g) {
      discounted[g] = repeat_discounted_expected_purchases(report.purchases, groups.frequency[g],
                                                           groups.recency[g], groups.age[g], options.clv);
    }
  });
  report.expected_avg_spend.resize(summary.size());
  report.clv.resize(summary.size());
  for (std::size_t row = 0; row < summary.size(); ++row) {
    const double expected =
        gamma_gamma_expected_spend(spend, summary.frequency[row], summary.mean_repeat_spend[row]);
    report.expected_avg_spend[row] = expected;
    report.clv[row] = expected * discounted[groups.group_of_row[row]];
  }
}

}  // namespace

Result<BtydReport> analyze_btyd(const CustomerSummary& summary, const BtydOptions& options) {
  const BtydGroups groups =
      group_by_sufficient_statistics(summary.frequency, summary.recency, summary.age);
  auto fit = fit_repeat_model(options.model, groups, {options.workers});
  if (!fit.ok()) return fit.error();
  BtydReport report;
  report.purchases = fit.value();
  report.distinct_histories = groups.size();
  const BgNbdPredictions predicted =
      predict_repeat_model(report.purchases, groups, options.horizon_periods, {options.workers});
  report.p_alive = expand_to_rows(groups, predicted.p_alive);
  report.expected_purchases = expand_to_rows(groups, predicted.expected_purchases);
  if (options.on_stage) options.on_stage(model_name(options.model));
  if (!summary.has_spend) return report;
  auto spend = fit_gamma_gamma(summary.frequency, summary.mean_repeat_spend);
  if (!spend.ok()) return spend.error();
  report.gamma_gamma = spend.value();
  add_spend_and_clv(summary, groups, options, report);
  if (options.on_stage) options.on_stage("gamma_gamma");
  return report;
}

}  // namespace patron::analytics
