#include "analytics/customer_summary.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "analytics/parallel.h"
#include "analytics/rows_by_customer.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinCustomersPerWorker = 50'000;

struct DaySpend {
  Day day;
  std::int64_t amount_minor;
};

}  // namespace

double days_per_period(Period period) { return period == Period::weeks ? 7.0 : 1.0; }

CustomerSummary summarize(const TransactionColumns& purchases, std::size_t customer_count,
                          const SummaryOptions& options) {
  assert(purchases.consistent());
  // Each customer's calibration purchases.
  const RowsByCustomer groups = group_by_customer(
      purchases.size(), customer_count, [&](std::size_t row) { return purchases.customer_index[row]; },
      [&](std::size_t row) { return purchases.day[row] <= options.calibration_end; });
  // Output row of each customer with purchases, so workers can fill disjoint rows.
  std::vector<std::uint32_t> output_row(customer_count + 1, 0);
  for (std::size_t c = 0; c < customer_count; ++c) {
    output_row[c + 1] = output_row[c] + (groups.offset[c + 1] > groups.offset[c] ? 1 : 0);
  }
  const std::size_t rows = output_row[customer_count];
  CustomerSummary summary;
  summary.has_spend = true;
  summary.customer_index.resize(rows);
  summary.frequency.resize(rows);
  summary.recency.resize(rows);
  summary.age.resize(rows);
  summary.mean_repeat_spend.resize(rows);
  const double period_days = days_per_period(options.period);

  const unsigned workers = workers_for(customer_count, kMinCustomersPerWorker, 0);
  parallel_chunks(customer_count, workers, [&](std::size_t begin, std::size_t end, unsigned) {
    std::vector<DaySpend> history;
    for (std::size_t c = begin; c < end; ++c) {
      if (groups.offset[c + 1] == groups.offset[c]) continue;
      history.clear();
      for (std::uint64_t k = groups.offset[c]; k < groups.offset[c + 1]; ++k) {
        const std::uint32_t row = groups.order[k];
        history.push_back({purchases.day[row], purchases.amount_minor[row]});
      }
      std::sort(history.begin(), history.end(),
                [](const DaySpend& l, const DaySpend& r) { return l.day < r.day; });
      const Day first_day = history.front().day;
      std::uint32_t repeat_days = 0;
      std::int64_t repeat_spend_minor = 0;
      for (std::size_t k = 1; k < history.size(); ++k) {
        if (history[k].day == first_day) continue;  // same day as the first purchase
        if (history[k].day != history[k - 1].day) ++repeat_days;
        repeat_spend_minor += history[k].amount_minor;
      }
      const std::uint32_t out = output_row[c];
      summary.customer_index[out] = static_cast<std::uint32_t>(c);
      summary.frequency[out] = repeat_days;
      summary.recency[out] = (history.back().day - first_day) / period_days;
      summary.age[out] = (options.calibration_end - first_day) / period_days;
      summary.mean_repeat_spend[out] =
          repeat_days == 0 ? 0.0
                           : static_cast<double>(repeat_spend_minor) / options.minor_per_major /
                                 repeat_days;
    }
  });
  return summary;
}

}  // namespace patron::analytics
