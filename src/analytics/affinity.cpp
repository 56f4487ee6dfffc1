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

std::vector<AffinityTable> compute_affinities(const TransactionColumns& purchases, const LineColumns& lines,
                                              const std::vector<AttributeMap>& maps, std::size_t customer_count,
                                              const AffinityOptions& options) {
  assert(purchases.consistent());
  assert(options.half_life_days > 0.0);
  const std::size_t top_k = std::clamp<std::size_t>(options.top_k, 1, kMaxAffinityTopK);
  const LinesByCustomer groups = group_lines(purchases, lines, customer_count);
  // Fixed slots per customer and map so workers write disjoint ranges; compacted after.
  std::vector<std::vector<Scored>> slots(maps.size(),
                                         std::vector<Scored>(customer_count * top_k, Scored{kNoAttribute, 0.0}));
  const double decay_per_day = std::log(2.0) / options.half_life_days;
  const unsigned workers = workers_for(customer_count, kMinCustomersPerWorker, options.workers);
  parallel_chunks(customer_count, workers, [&](std::size_t begin, std::size_t end, unsigned) {
    std::size_t widest = 0;
    for (const auto& map : maps) widest = std::max(widest, map.attribute_count);
    std::vector<double> weight(widest, 0.0);  // dense scratch, reset through `touched`
    std::vector<std::uint32_t> touched;
    std::vector<Scored> ranked;
    std::vector<double> value;  // decayed value of each of the customer's lines
    for (std::size_t c = begin; c < end; ++c) {
      const std::uint64_t first = groups.offset[c], last = groups.offset[c + 1];
      value.clear();
      double total = 0.0;
      for (std::uint64_t k = first; k < last; ++k) {
        const std::uint32_t line = groups.order[k];
        const double age_days = std::max(0, options.as_of - purchases.day[lines.purchase_row[line]]);
        value.push_back(static_cast<double>(std::max<std::int64_t>(0, lines.amount_minor[line])) *
                        std::exp(-decay_per_day * age_days));
        total += value.back();
      }
      for (std::size_t m = 0; m < maps.size(); ++m) {
        const auto& attribute_of_item = *maps[m].attribute_of_item;
        touched.clear();
        for (std::uint64_t k = first; k < last; ++k) {
          const std::uint32_t item = lines.item[groups.order[k]];
          const std::uint32_t attribute = item < attribute_of_item.size() ? attribute_of_item[item] : kNoAttribute;
          if (attribute == kNoAttribute || attribute >= maps[m].attribute_count) continue;
          if (weight[attribute] == 0.0) touched.push_back(attribute);
          weight[attribute] += value[k - first];
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
        std::copy_n(ranked.begin(), keep, slots[m].begin() + static_cast<std::ptrdiff_t>(c * top_k));
      }
    }
  });
  std::vector<AffinityTable> tables(maps.size());
  for (std::size_t m = 0; m < maps.size(); ++m) {
    for (std::size_t c = 0; c < customer_count; ++c) {
      for (std::size_t k = 0; k < top_k; ++k) {
        const Scored& slot = slots[m][c * top_k + k];
        if (slot.attribute == kNoAttribute) break;
        tables[m].customer_index.push_back(static_cast<std::uint32_t>(c));
        tables[m].rank.push_back(static_cast<std::uint8_t>(k + 1));
        tables[m].attribute.push_back(slot.attribute);
        tables[m].score.push_back(slot.weight);
      }
    }
  }
  return tables;
}

AffinityTable compute_affinity(const TransactionColumns& purchases, const LineColumns& lines,
                               const std::vector<std::uint32_t>& attribute_of_item, std::size_t attribute_count,
                               std::size_t customer_count, const AffinityOptions& options) {
  return std::move(
      compute_affinities(purchases, lines, {{&attribute_of_item, attribute_count}}, customer_count, options)[0]);
}

}  // namespace patron::analytics
