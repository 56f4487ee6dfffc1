#pragma once
// Tiny hand-made purchase histories for the recommender and metric tests.
#include <string>

#include "offers/purchase_history.h"
#include "offers/training_history.h"

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

struct Product {
  const char* sku;
  const char* category;
  const char* brand;
};

inline PurchaseHistory history_of(std::initializer_list<Line> lines, std::initializer_list<Product> products = {}) {
  PurchaseHistoryBuilder builder;
  for (const auto& line : lines) {
    const std::int64_t instant = start_of_day(kSplitDay - line.days_before) + line.hour * 3600;
    const std::string key = std::to_string(instant);
    if (!builder.add_line(line.customer, instant, key, line.sku).ok()) throw std::runtime_error("bad line");
  }
  for (const auto& product : products) builder.set_product(product.sku, product.category, product.brand);
  return builder.finish();
}

// What the models learn from: the lines before the split day.
inline TrainingHistory training_of(const PurchaseHistory& history) {
  return summarize_before(history, start_of_day(kSplitDay));
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
