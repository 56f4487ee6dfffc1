#include "analytics/affinity.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "analytics/parallel.h"
#include "analytics/rows_by_customer.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMinCustomersPerWorker = 20'000;

struct Scored {
  std::uint32_t attribute;
  double weight;
};

// One worker's view of the inputs, and scratch reused across its customers.
class CustomerScorer {
 public:
  CustomerScorer(const TransactionColumns& purchases, const LineColumns& lines, const EventColumns& events,
                 const std::vector<AttributeMap>& maps, const AffinityOptions& options, std::size_t top_k)
      : purchases_(purchases), lines_(lines), events_(events), maps_(maps), options_(options), top_k_(top_k),
        decay_per_day_(std::log(2.0) / options.half_life_days) {
    std::size_t widest = 0;
    for (const auto& map : maps) widest = std::max(widest, map.attribute_count);
    weight_.assign(widest, 0.0);
  }

  // Decays the customer's lines and events into line_value_ and event_value_
  // and returns their total: the denominator of every share.
  double decay(std::size_t c, const RowsByCustomer& line_groups, const RowsByCustomer& event_groups) {
    line_value_.clear();
    event_value_.clear();
    double total = 0.0, line_sum = 0.0;
    std::size_t positive_lines = 0;
    for (std::uint64_t k = line_groups.offset[c]; k < line_groups.offset[c + 1]; ++k) {
      const std::uint32_t line = line_groups.order[k];
      const double amount = static_cast<double>(std::max<std::int64_t>(0, lines_.amount_minor[line]));
      line_sum += amount;
      positive_lines += amount > 0.0 ? 1 : 0;
      line_value_.push_back(amount * decayed(purchases_.day[lines_.purchase_row[line]]));
      total += line_value_.back();
    }
    // Without a purchase line to measure by, events are their own unit: the
    // shares are ratios, so any positive unit gives the same scores.
    const double unit = positive_lines > 0 ? line_sum / static_cast<double>(positive_lines) : 1.0;
    for (std::uint64_t k = event_groups.offset[c]; k < event_groups.offset[c + 1]; ++k) {
      const std::uint32_t event = event_groups.order[k];
      event_value_.push_back(static_cast<double>(events_.weight[event]) * unit * decayed(events_.day[event]));
      total += event_value_.back();
    }
    return total;
  }

  // The customer's top attributes in map m, into slots[c * top_k ..).
  void rank(std::size_t c, std::size_t m, double total, const RowsByCustomer& line_groups,
            const RowsByCustomer& event_groups, std::vector<Scored>& slots) {
    const auto& attribute_of_item = *maps_[m].attribute_of_item;
    touched_.clear();
    auto add = [&](std::uint32_t attribute, double value) {
      // A zero value (a line returned in full) must not list its attribute.
      if (attribute == kNoAttribute || attribute >= maps_[m].attribute_count || value <= 0.0) return;
      if (weight_[attribute] == 0.0) touched_.push_back(attribute);
      weight_[attribute] += value;
    };
    for (std::uint64_t k = line_groups.offset[c]; k < line_groups.offset[c + 1]; ++k) {
      const std::uint32_t item = lines_.item[line_groups.order[k]];
      add(item < attribute_of_item.size() ? attribute_of_item[item] : kNoAttribute,
          line_value_[k - line_groups.offset[c]]);
    }
    for (std::uint64_t k = event_groups.offset[c]; k < event_groups.offset[c + 1]; ++k) {
      add(events_.attribute[m][event_groups.order[k]], event_value_[k - event_groups.offset[c]]);
    }
    ranked_.clear();
    for (const std::uint32_t attribute : touched_) {
      ranked_.push_back({attribute, weight_[attribute] / total});  // total > 0: it holds this value
      weight_[attribute] = 0.0;
    }
    const std::size_t keep = std::min(top_k_, ranked_.size());
    std::partial_sort(ranked_.begin(), ranked_.begin() + static_cast<std::ptrdiff_t>(keep), ranked_.end(),
                      [](const Scored& l, const Scored& r) {
                        return l.weight != r.weight ? l.weight > r.weight : l.attribute < r.attribute;
                      });
    std::copy_n(ranked_.begin(), keep, slots.begin() + static_cast<std::ptrdiff_t>(c * top_k_));
  }

 private:
  double decayed(Day day) const {
    const double age_days = std::max(0, options_.as_of - day);
    return std::exp(-decay_per_day_ * age_days);
  }

  const TransactionColumns& purchases_;
  const LineColumns& lines_;
  const EventColumns& events_;
  const std::vector<AttributeMap>& maps_;
  const AffinityOptions& options_;
  const std::size_t top_k_;
  const double decay_per_day_;
  std::vector<double> weight_;  // dense per attribute, reset through touched_
  std::vector<std::uint32_t> touched_;
  std::vector<Scored> ranked_;
  std::vector<double> line_value_, event_value_;  // decayed, of the current customer
};

AffinityTable compact(const std::vector<Scored>& slots, std::size_t customer_count, std::size_t top_k) {
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

}  // namespace

std::vector<AffinityTable> compute_affinities(const TransactionColumns& purchases, const LineColumns& lines,
                                              const std::vector<AttributeMap>& maps, std::size_t customer_count,
                                              const AffinityOptions& options, const EventColumns& events) {
  assert(purchases.consistent());
  assert(options.half_life_days > 0.0);
  assert(events.size() == 0 || events.attribute.size() == maps.size());
  const std::size_t top_k = std::clamp<std::size_t>(options.top_k, 1, kMaxAffinityTopK);
  const RowsByCustomer line_groups = group_by_customer(
      lines.size(), customer_count, [&](std::size_t i) { return purchases.customer_index[lines.purchase_row[i]]; });
  const RowsByCustomer event_groups =
      group_by_customer(events.size(), customer_count, [&](std::size_t i) { return events.customer_index[i]; });
  // Fixed slots per customer and map so workers write disjoint ranges; compacted after.
  std::vector<std::vector<Scored>> slots(maps.size(),
                                         std::vector<Scored>(customer_count * top_k, Scored{kNoAttribute, 0.0}));
  const unsigned workers = workers_for(customer_count, kMinCustomersPerWorker, options.workers);
  parallel_chunks(customer_count, workers, [&](std::size_t begin, std::size_t end, unsigned) {
    CustomerScorer scorer(purchases, lines, events, maps, options, top_k);
    for (std::size_t c = begin; c < end; ++c) {
      const double total = scorer.decay(c, line_groups, event_groups);
      for (std::size_t m = 0; m < maps.size(); ++m) scorer.rank(c, m, total, line_groups, event_groups, slots[m]);
    }
  });
  std::vector<AffinityTable> tables;
  for (const auto& map_slots : slots) tables.push_back(compact(map_slots, customer_count, top_k));
  return tables;
}

AffinityTable compute_affinity(const TransactionColumns& purchases, const LineColumns& lines,
                               const std::vector<std::uint32_t>& attribute_of_item, std::size_t attribute_count,
                               std::size_t customer_count, const AffinityOptions& options,
                               const EventColumns& events) {
  return std::move(compute_affinities(purchases, lines, {{&attribute_of_item, attribute_count}}, customer_count,
                                      options, events)[0]);
}

}  // namespace patron::analytics
