#pragma once
// A realistic synthetic purchase history for `patron gen-data` and the
// benchmarks: a catalogue whose products sell with Zipf-skewed popularity in
// categories and brands; customers whose purchase rates are gamma distributed
// (a few buy a lot, most rarely), who join over the history and lapse (stop
// buying) after an exponentially distributed lifetime. Every customer buys at
// least once and the number of purchases is exactly what was asked.
// Deterministic per seed.
//
// The history has the structure personalization feeds on: each customer has a
// few favourite categories and a few staple products they come back to;
// products come in small co-purchase groups (same category and brand) whose
// members are often bought together, so association rules find lift above 1.
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

// The shape of each purchase's lines (see generate_history).
constexpr std::size_t kFavouriteCategories = 3;   // per customer
constexpr std::size_t kStapleProducts = 4;        // per customer, from their favourite categories
constexpr std::size_t kCoPurchaseGroupSize = 3;   // consecutive products form a group
constexpr double kStapleShare = 0.30;             // a line is one of the customer's staples
constexpr double kFavouriteCategoryShare = 0.45;  // else a product of a favourite category
constexpr double kGroupCompanionChance = 0.35;    // a line brings another product of its group

struct SyntheticCatalog {
  std::vector<std::string> sku, name, category, brand;
  std::vector<std::uint32_t> category_index;  // per product, 0 .. categories-1
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
