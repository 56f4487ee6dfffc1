#pragma once
// For `patron analyze all`: which purchase model describes the stored
// customers best, judged on purchases it did not see (calibration to halfway
// through the history, holdout after it). MBG/NBD and Pareto/NBD compete;
// BG/NBD is fitted as the reference, since its P(alive) of a one-time buyer
// is always 1.
#include <cstddef>

#include <nlohmann/json.hpp>

#include "analytics/customer_summary.h"
#include "analytics/repeat_model.h"
#include "analytics/transactions.h"

namespace patron::services {

// The comparison fits three models; on a large base a regular sample of
// customers decides as well as all of them would, in bounded time.
inline constexpr std::size_t kMaxComparisonCustomers = 100'000;

struct ModelChoice {
  analytics::RepeatModel chosen = analytics::RepeatModel::bgnbd;
  // chosen, chosen_by, the split, each model's fit and holdout error, and the
  // expected-vs-actual chart rows; or chosen_by "default" with the reason.
  nlohmann::ordered_json summary;
};

ModelChoice choose_purchase_model(const analytics::TransactionColumns& purchases, std::size_t customer_count,
                                  analytics::Period period);

}  // namespace patron::services
