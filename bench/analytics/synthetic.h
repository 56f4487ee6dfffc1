#pragma once
// Synthetic inputs at the sizes of the anchors, generated outside the
// timed regions.
#include <cstddef>
#include <cstdint>

#include "analytics/customer_summary.h"
#include "analytics/transactions.h"

namespace patron::bench {

// Customers simulated from a BG/NBD process with CDNOW's parameters, first
// purchases spread over 12 weeks, a 39-week calibration, times on whole days
// expressed in weeks (as a summary of real data would be).
analytics::CustomerSummary synthetic_btyd_summary(std::size_t customers, std::uint64_t seed);

// Purchases over two years with a skewed rate per customer (a few customers
// buy a lot), in time order, as a store would stream them.
analytics::TransactionColumns synthetic_purchases(std::size_t customers, std::size_t purchases,
                                                  std::uint64_t seed);

}  // namespace patron::bench
