#include "analytics/affinity.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "analytics/parallel.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinCustomersPerWorker = 20'000;

// Lines of each customer by a counting sort: lines_of(c) = order[offset[c] .. offset[c+1]).
struct LinesByCustomer {
  std::vector<std::uint64_t> offset;
  std::vector<std::uint32_t> order;
};

LinesByCustomer group_lines(const TransactionColumns& purchases, const LineColumns& lines,
                            std::size_t customer_count) {
  LinesByCustomer groups;
  groups.offset.assign(customer_count + 1, 0);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ++groups.offset[purchases.customer_index[lines.purchase_row[i]] + 1];
  }
  for (std::size_t c = 0; c < customer_count; ++c) groups.offset[c + 1] += groups.offset[c];
  groups.order.resize(lines.size());
  std::vector<std::uint64_t> cursor(groups.offset.begin(), groups.offset.end() - 1);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    groups.order[cursor[purchases.customer_index[lines.purchase_row[i]]]++] = static_cast<std::uint32_t>(i);
  }
  return groups;
}

struct Scored {
  std::uint32_t attribute;
  double weight;
};

}  // namespace

AffinityTable compute_affinity(const TransactionColumns& purchases, const LineColumns& lines,
                               const std::vector<std::uint32_t>& attribute_of_item, std::size_t attribute_count,
                               std::size_t customer_count, const AffinityOptions& options) {
  assert(purchases.consistent());
  assert(options.half_life_days > 0.0);
  const std::size_t top_k = std::clamp<std::size_t>(options.top_k, 1, kMaxAffinityTopK);
  const LinesByCustomer groups = group_lines(purchases, lines, customer_count);
  // Fixed slots per customer so workers write disjoint ranges; compacted after.
  std::vector<Scored> slots(customer_count * top_k, Scored{kNoAttribute, 0.0});
  const double decay_per_day = std::log(2.0) / options.half_life_days;
  const unsigned workers = workers_for(customer_count, kMinCustomersPerWorker, options.workers);
  parallel_chunks(customer_count, workers, [&](std::size_t begin, std::size_t end, unsigned) {
    std::vector<double> weight(attribute_count, 0.0);  // dense scratch, reset through `touched`
    std::vector<std::uint32_t> touched;
    std::vector<Scored> ranked;
    for (std::size_t c = begin; c < end; ++c) {
      double total = 0.0;
      touched.clear();
      for (std::uint64_t k = groups.offset[c]; k < groups.offset[c + 1]; ++k) {
        const std::uint32_t line = groups.order[k];
        const Day day = purchases.day[lines.purchase_row[line]];
        const double age_days = std::max(0, options.as_of - day);
        const double value = static_cast<double>(std::max<std::int64_t>(0, lines.amount_minor[line])) *
                             std::exp(-decay_per_day * age_days);
        total += value;
        const std::uint32_t item = lines.item[line];
        const std::uint32_t attribute = item < attribute_of_item.size() ? attribute_of_item[item] : kNoAttribute;
        if (attribute == kNoAttribute || attribute >= attribute_count) continue;
        if (weight[attribute] == 0.0) touched.push_back(attribute);
        weight[attribute] += value;
      }
      ranked.clear();
      for (const std::uint32_t attribute : touched) {
        ranked.push_back({attribute, total > 0.0 ? weight[attribute] / total : 0.0});
        weight[attribute] = 0.0;
      }
      const std::size_t keep = std::min(top_k, ranked.size());
      std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                        [](const Scored& l, const Scored& r) {
                          return l.weight != r.weight ? l.weight > r.weight : l.attribute < r.attribute;
                        });
      std::copy_n(ranked.begin(), keep, slots.begin() + static_cast<std::ptrdiff_t>(c * top_k));
    }
  });
  AffinityTable table;
  for (std::size_t c = 0; c < customer_count; ++c) {
    for (std::size_t k = 0; k < top_k; ++k) {
      const Scored& slot = slots[c * top_k + k];
      if (slot.attribute == kNoAttribute) break;
      table.customer_index.push_back(static_cast<std::uint32_t>(c));
      table.rank.push_back(static_cast<std::uint8_t>(k + 1));
      table.attribute.push_back(slot.attribute);
      table.score.push_back(slot.weight);
    }
  }
  return table;
}

}  // namespace patron::analytics
