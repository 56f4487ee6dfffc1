#pragma once
// The whole buy-till-you-die analysis of a customer summary: a purchase
// model's fit (BG/NBD, MBG/NBD or Pareto/NBD), P(alive) and expected purchases
// per customer, and, when spend is known, the Gamma-Gamma fit, expected spend
// and CLV. Work is done once per distinct
// (x, t_x, T) and spread back to customers.
#include <functional>
#include <optional>
#include <vector>

#include "analytics/repeat_model.h"
#include "analytics/clv.h"
#include "analytics/customer_summary.h"
#include "analytics/gamma_gamma.h"
#include "domain/result.h"

namespace patron::analytics {

struct BtydOptions {
  RepeatModel model = RepeatModel::bgnbd;
  double horizon_periods = 39.0;  // for expected purchases
  ClvOptions clv;
  unsigned workers = 0;
  // Called as each model is done (the model's name, then "gamma_gamma" with spend),
  // so a caller can time the stages.
  std::function<void(const char* stage)> on_stage;
};

struct BtydReport {
  RepeatModelFit purchases;
  std::optional<GammaGammaFit> gamma_gamma;  // when the summary has spend
  std::size_t distinct_histories = 0;        // groups the likelihood was summed over
  // Per summary row:
  std::vector<double> p_alive, expected_purchases;
  std::vector<double> expected_avg_spend, clv;  // empty without spend
};

Result<BtydReport> analyze_btyd(const CustomerSummary& summary, const BtydOptions& options);

}  // namespace patron::analytics
