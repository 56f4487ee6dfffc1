#pragma once
// Tiny hand-made purchase histories for the recommender and metric tests.
#include <string>

#include "offers/purchase_history.h"

namespace patron::offers::testing {

constexpr Day kSplitDay = 20'000;

// A purchase line `days_before` days before the split day (negative: after
// it) at `hour`; lines with the same customer and basket key are one basket.
struct Line {
  const char* customer;
  int days_before;
  int hour;
  const char* sku;
};

inline PurchaseHistory history_of(std::initializer_list<Line> lines) {
  PurchaseHistoryBuilder builder;
  for (const auto& line : lines) {
    const std::int64_t instant = start_of_day(kSplitDay - line.days_before) + line.hour * 3600;
    const std::string key = std::to_string(instant);
    if (!builder.add_line(line.customer, instant, key, line.sku).ok()) throw std::runtime_error("bad line");
  }
  return builder.finish();
}

inline std::uint32_t item_of(const PurchaseHistory& history, const std::string& sku) {
  for (std::uint32_t i = 0; i < history.item_count(); ++i) {
    if (history.skus[i] == sku) return i;
  }
  throw std::runtime_error("no item " + sku);
}

inline std::uint32_t customer_of(const PurchaseHistory& history, const std::string& id) {
  for (std::uint32_t c = 0; c < history.customer_count(); ++c) {
    if (history.customer_ids[c] == id) return c;
  }
  throw std::runtime_error("no customer " + id);
}

}  // namespace patron::offers::testing
