#include "analytics/rfm.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <limits>
#include <span>
#include <thread>

#include "analytics/large_buffer.h"
#include "analytics/parallel.h"
#include "analytics/quantile_scores.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinRowsPerWorker = 1 << 20;

// Purchases are first radix-partitioned by customer range, then each
// partition is totalled: a direct scatter of 20 M purchases into 16 MB of
// totals misses the cache on nearly every row, while a partition's totals
// (a few thousand customers) stay in L2. Two streaming passes beat 20 M misses.
constexpr int kPartitionBits = 8;

struct PurchaseRow {
  std::uint32_t customer;
  Day day;
  std::int64_t amount_minor;
};

// Below this many customers the totals stay in cache: purchases are added
// where they lie, without partitioning (whose buffer would cost more pages
// than it saves misses).
constexpr std::size_t kMaxDirectCustomers = 1 << 18;

std::vector<RfmTotal> total_directly(const TransactionColumns& p, std::size_t customers) {
  std::vector<RfmTotal> totals(customers);
  for (std::size_t row = 0; row < p.size(); ++row) {
    RfmTotal& t = totals[p.customer_index[row]];
    t.last_day = std::max(t.last_day, p.day[row]);
    ++t.count;
    t.add_spend(p.amount_minor[row]);
  }
  return totals;
}

std::vector<RfmTotal> total_per_customer(const TransactionColumns& p, std::size_t customers,
                                              unsigned workers) {
  if (customers <= kMaxDirectCustomers) return total_directly(p, customers);
  const int customer_bits = std::bit_width(std::max<std::size_t>(customers, 2) - 1);
  const int shift = std::max(0, customer_bits - kPartitionBits);
  const std::size_t parts = ((std::max<std::size_t>(customers, 1) - 1) >> shift) + 1;
  const unsigned used = workers_for(p.size(), kMinRowsPerWorker, workers);
  // offset[w * parts + part]: where worker w's rows of the partition go. In
  // partition-major order, so partition part starts at offset[part] (worker 0).
  std::vector<std::size_t> offset(used * parts, 0);
  parallel_chunks(p.size(), used, [&](std::size_t begin, std::size_t end, unsigned w) {
    for (std::size_t row = begin; row < end; ++row) ++offset[w * parts + (p.customer_index[row] >> shift)];
  });
  std::size_t running = 0;
  for (std::size_t part = 0; part < parts; ++part) {
    for (unsigned w = 0; w < used; ++w) {
      const std::size_t rows = offset[w * parts + part];
      offset[w * parts + part] = running;
      running += rows;
    }
  }
  assert(running == p.size());
  LargeBuffer<PurchaseRow> partitioned(p.size());
  parallel_chunks(p.size(), used, [&](std::size_t begin, std::size_t end, unsigned w) {
    std::vector<std::size_t> cursor(offset.begin() + w * parts, offset.begin() + (w + 1) * parts);
    for (std::size_t row = begin; row < end; ++row) {
      const std::uint32_t c = p.customer_index[row];
      partitioned[cursor[c >> shift]++] = {c, p.day[row], p.amount_minor[row]};
    }
  });
  std::vector<std::size_t> part_start(offset.begin(), offset.begin() + static_cast<std::ptrdiff_t>(parts));
  part_start.push_back(p.size());
  std::vector<RfmTotal> totals(customers);
  // Workers take disjoint partition ranges, hence disjoint customers.
  parallel_chunks(parts, std::min<unsigned>(used, static_cast<unsigned>(parts)),
                  [&](std::size_t first, std::size_t last, unsigned) {
                    for (std::size_t k = part_start[first]; k < part_start[last]; ++k) {
                      const PurchaseRow& row = partitioned[k];
                      RfmTotal& t = totals[row.customer];
                      t.last_day = std::max(t.last_day, row.day);
                      ++t.count;
                      t.add_spend(row.amount_minor);
                    }
                  });
  return totals;
}

}  // namespace

Day day_after_last_purchase(const TransactionColumns& purchases) {
  if (purchases.size() == 0) return 0;
  return *std::max_element(purchases.day.begin(), purchases.day.end()) + 1;
}

std::vector<RfmTotal> total_rfm(const TransactionColumns& purchases, std::size_t customer_count, unsigned workers) {
  assert(purchases.consistent());
  return total_per_customer(purchases, customer_count, workers);
}

RfmTable compute_rfm(const TransactionColumns& purchases, std::size_t customer_count,
                     const RfmOptions& options) {
  return score_rfm(total_rfm(purchases, customer_count, options.workers), options);
}

RfmTable score_rfm(const std::vector<RfmTotal>& totals, const RfmOptions& options) {
  const std::size_t customer_count = totals.size();
  RfmTable table;
  std::size_t buyers = 0;
  for (const RfmTotal& t : totals) buyers += t.count > 0 ? 1 : 0;
  table.customer_index.reserve(buyers);
  table.recency_days.reserve(buyers);
  table.frequency.reserve(buyers);
  table.monetary_minor.reserve(buyers);
  for (std::size_t c = 0; c < customer_count; ++c) {
    const RfmTotal& t = totals[c];
    if (t.count == 0) continue;
    table.customer_index.push_back(static_cast<std::uint32_t>(c));
    table.recency_days.push_back(options.as_of - t.last_day);
    table.frequency.push_back(t.count);
    table.monetary_minor.push_back(t.spend_minor);
  }
  // The three scorings are independent. Recency and frequency span few
  // values and score by counting; money may need selection, so on a large
  // base it gets a thread of its own (on a small one, starting the thread
  // costs more than the scoring).
  const unsigned money_workers = workers_for(table.size(), kMinRowsPerWorker, options.workers);
  std::thread money_scorer;
  const std::span<const std::int64_t> money(table.monetary_minor);
  if (money_workers > 1) {
    money_scorer = std::thread([&] { table.m_score = quintile_scores(money, Better::higher); });
  } else {
    table.m_score = quintile_scores(money, Better::higher);
  }
  table.r_score = quintile_scores(std::span<const std::int32_t>(table.recency_days), Better::lower);
  table.f_score = quintile_scores(std::span<const std::uint32_t>(table.frequency), Better::higher);
  if (money_scorer.joinable()) money_scorer.join();
  table.segment.resize(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    table.segment[i] = segment_of(table.r_score[i], table.f_score[i], table.m_score[i]);
  }
  return table;
}

}  // namespace patron::analytics
