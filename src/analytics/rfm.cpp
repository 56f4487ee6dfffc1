#include "analytics/rfm.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <span>
#include <thread>

#include "analytics/parallel.h"
#include "analytics/quantile_scores.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinRowsPerWorker = 1 << 20;
constexpr Day kNoPurchase = std::numeric_limits<Day>::min();

// One worker's per-customer totals over its share of the purchases. Each
// worker scatters into its own arrays, so no atomics; the merge is one pass.
struct Totals {
  std::vector<Day> last_day;
  std::vector<std::uint32_t> count;
  std::vector<std::int64_t> spend_minor;

  explicit Totals(std::size_t customers)
      : last_day(customers, kNoPurchase), count(customers, 0), spend_minor(customers, 0) {}
};

void accumulate(const TransactionColumns& p, std::size_t begin, std::size_t end, Totals& t) {
  for (std::size_t row = begin; row < end; ++row) {
    const std::uint32_t c = p.customer_index[row];
    t.last_day[c] = std::max(t.last_day[c], p.day[row]);
    ++t.count[c];
    t.spend_minor[c] += p.amount_minor[row];
  }
}

Totals total_per_customer(const TransactionColumns& p, std::size_t customers, unsigned workers) {
  const unsigned used = workers_for(p.size(), kMinRowsPerWorker, workers);
  std::vector<Totals> partial;
  partial.reserve(used);
  for (unsigned w = 0; w < used; ++w) partial.emplace_back(w == 0 ? customers : 0);
  parallel_chunks(p.size(), used, [&](std::size_t begin, std::size_t end, unsigned worker) {
    if (worker > 0) partial[worker] = Totals(customers);  // allocate on the worker's thread
    accumulate(p, begin, end, partial[worker]);
  });
  Totals& total = partial[0];
  parallel_chunks(customers, used, [&](std::size_t begin, std::size_t end, unsigned) {
    for (unsigned w = 1; w < used; ++w) {
      for (std::size_t c = begin; c < end; ++c) {
        total.last_day[c] = std::max(total.last_day[c], partial[w].last_day[c]);
        total.count[c] += partial[w].count[c];
        total.spend_minor[c] += partial[w].spend_minor[c];
      }
    }
  });
  return std::move(total);
}

}  // namespace

Day day_after_last_purchase(const TransactionColumns& purchases) {
  if (purchases.size() == 0) return 0;
  return *std::max_element(purchases.day.begin(), purchases.day.end()) + 1;
}

RfmTable compute_rfm(const TransactionColumns& purchases, std::size_t customer_count,
                     const RfmOptions& options) {
  assert(purchases.consistent());
  const Totals totals = total_per_customer(purchases, customer_count, options.workers);
  RfmTable table;
  std::vector<std::int64_t> recency, frequency;
  for (std::size_t c = 0; c < customer_count; ++c) {
    if (totals.count[c] == 0) continue;
    table.customer_index.push_back(static_cast<std::uint32_t>(c));
    table.recency_days.push_back(options.as_of - totals.last_day[c]);
    table.frequency.push_back(totals.count[c]);
    table.monetary_minor.push_back(totals.spend_minor[c]);
    recency.push_back(options.as_of - totals.last_day[c]);
    frequency.push_back(totals.count[c]);
  }
  // The three scorings are independent: one on a second thread.
  std::thread recency_scorer([&] { table.r_score = quintile_scores(recency, Better::lower); });
  table.f_score = quintile_scores(frequency, Better::higher);
  table.m_score = quintile_scores(table.monetary_minor, Better::higher);
  recency_scorer.join();
  table.segment.resize(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    table.segment[i] = segment_of(table.r_score[i], table.f_score[i], table.m_score[i]);
  }
  return table;
}

}  // namespace patron::analytics
