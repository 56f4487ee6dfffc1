#pragma once
// A realistic synthetic purchase history for `patron gen-data` and the
// benchmarks: a catalogue whose products sell with Zipf-skewed popularity in
// categories and brands; customers whose purchase rates are gamma distributed
// (a few buy a lot, most rarely), who join over the history and churn after
// an exponentially distributed lifetime. Every customer buys at least once and
// the number of purchases is exactly what was asked. Deterministic per seed.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analytics/calendar.h"

namespace patron::analytics {

struct SyntheticOptions {
  std::size_t customers = 1000;
  std::size_t purchases = 10'000;
  std::uint64_t seed = 1;
  Day first_day = 19'358;  // 2023-01-01
  int history_days = 730;
  std::size_t products = 2000;
  std::size_t categories = 40;
  std::size_t brands = 150;
  double mean_lifetime_days = 365.0;  // churn: the active span is exponential with this mean
};

struct SyntheticCatalog {
  std::vector<std::string> sku, name, category, brand;
  std::vector<std::int64_t> price_minor;

  std::size_t size() const { return sku.size(); }
};

struct SyntheticLine {
  std::uint32_t product = 0;
  std::int64_t quantity = 0;
};

struct SyntheticPurchase {
  std::uint32_t customer = 0;    // 0 .. customers-1
  std::int64_t occurred_at = 0;  // epoch seconds
  std::vector<SyntheticLine> lines;
};

SyntheticCatalog synthetic_catalog(const SyntheticOptions& options);

// Calls `emit` once per purchase in time order; the purchase is reused
// between calls. Returns the number of purchases emitted.
std::size_t generate_history(const SyntheticOptions& options, const SyntheticCatalog& catalog,
                             const std::function<void(const SyntheticPurchase&)>& emit);

}  // namespace patron::analytics
