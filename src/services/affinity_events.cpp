#include "services/affinity_events.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace patron::services {
namespace {

namespace an = patron::analytics;

constexpr std::int64_t kMsPerDay = 86'400'000;

an::Day day_of_ms(std::int64_t ms) {
  const std::int64_t day = ms / kMsPerDay;
  return static_cast<an::Day>(ms < 0 && day * kMsPerDay != ms ? day - 1 : day);
}

// Dense index of each name, looked up by the events' strings without copying them.
std::unordered_map<std::string_view, std::uint32_t> index_of(const std::vector<std::string>& names) {
  std::unordered_map<std::string_view, std::uint32_t> index;
  index.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) index.emplace(names[i], static_cast<std::uint32_t>(i));
  return index;
}

// The history's lookups an event is resolved through.
class EventResolver {
 public:
  explicit EventResolver(const sql::StoredHistory& history)
      : history_(history),
        customers_(index_of(history.purchases.customer_ids)),
        items_(index_of(history.item_sku)),
        categories_(index_of(history.category_names)) {}

  std::optional<std::uint32_t> customer(std::string_view id) const { return find(customers_, id); }

  std::uint32_t category(const documents::Event& event) const {
    if (const auto item = find(items_, event.sku)) {
      if (history_.item_category[*item] != an::kNoAttribute) return history_.item_category[*item];
    }
    return find(categories_, event.category).value_or(an::kNoAttribute);
  }

  std::uint32_t brand(const documents::Event& event) const {
    const auto item = find(items_, event.sku);
    return item ? history_.item_brand[*item] : an::kNoAttribute;
  }

 private:
  static std::optional<std::uint32_t> find(const std::unordered_map<std::string_view, std::uint32_t>& index,
                                           std::string_view key) {
    if (key.empty()) return std::nullopt;
    const auto found = index.find(key);
    return found == index.end() ? std::nullopt : std::optional<std::uint32_t>(found->second);
  }

  const sql::StoredHistory& history_;
  std::unordered_map<std::string_view, std::uint32_t> customers_, items_, categories_;
};

documents::TimeRange window_of(const AffinityEventOptions& options) {
  // Clamped before converting: a half-life of centuries must not overflow.
  const double from_day =
      std::max(0.0, std::floor(static_cast<double>(options.as_of) - kEventWindowHalfLives * options.half_life_days));
  documents::TimeRange range = documents::TimeRange::all();
  range.from_ms = std::max(documents::kMinTimestampMs, static_cast<std::int64_t>(from_day) * kMsPerDay);
  return range;
}

}  // namespace

double event_weight(const documents::Event& event, const an::EventWeights& weights) {
  switch (event.type) {
    case documents::EventType::view:
      return weights.view;
    case documents::EventType::search:
      return event.category.empty() ? 0.0 : weights.search;
    case documents::EventType::add_to_cart:
      return weights.add_to_cart;
    case documents::EventType::remove_from_cart:
      return weights.remove_from_cart;
    case documents::EventType::wishlist:
      return weights.wishlist;
    case documents::EventType::click_offer:
      return weights.click_offer;
  }
  return 0.0;
}

Result<AffinityEvents> read_affinity_events(documents::DocumentStore& store, const sql::StoredHistory& history,
                                            const AffinityEventOptions& options) {
  assert(options.half_life_days > 0.0);
  assert(!options.kinds.empty());
  const EventResolver resolver(history);
  AffinityEvents events{an::EventColumns(options.kinds.size()), {}};
  auto& counts = events.counts;
  std::vector<std::uint32_t> attributes(options.kinds.size());
  const Status visited = store.visit_events(window_of(options), [&](const documents::Event& event) {
    ++counts.read;
    const auto customer = resolver.customer(event.customer_id);
    if (!customer) {
      ++counts.unknown_customer;
      return true;
    }
    const double weight = event_weight(event, options.weights);
    if (weight <= 0.0) {
      ++counts.without_weight;
      return true;
    }
    // Both attributes decide whether the event counts, whichever kinds are
    // asked for, so one customer's brand scores do not depend on the command.
    const std::uint32_t category = resolver.category(event), brand = resolver.brand(event);
    if (category == an::kNoAttribute && brand == an::kNoAttribute) {
      ++counts.without_attribute;
      return true;
    }
    for (std::size_t k = 0; k < options.kinds.size(); ++k) {
      attributes[k] = options.kinds[k] == AffinityKind::category ? category : brand;
    }
    events.columns.push_back(*customer, day_of_ms(event.occurred_at_ms), static_cast<float>(weight), attributes);
    ++counts.blended;
    return true;
  });
  if (!visited) return visited.error();
  assert(counts.read == counts.blended + counts.unknown_customer + counts.without_weight + counts.without_attribute);
  return events;
}

}  // namespace patron::services
