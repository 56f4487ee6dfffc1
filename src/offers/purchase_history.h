#pragma once
// Purchase lines with their items, for the next-products recommender and its
// offline evaluation: one row per purchase line in columns (customer, item,
// basket, instant), items and customers interned to dense indexes, and the
// catalogue's category and brand per item when known. Pure: the CLI reads
// files into it, nothing here touches I/O.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/calendar.h"
#include "domain/result.h"

namespace patron::offers {

using analytics::Day;

constexpr std::uint32_t kNoAttribute = UINT32_MAX;
// A history larger than this is refused rather than risk exhausting memory:
// 50 M lines is 1 GB of columns, far beyond any file the evaluator is for.
constexpr std::size_t kMaxHistoryLines = 50'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;

struct PurchaseHistory {
  // One row per purchase line.
  std::vector<std::uint32_t> customer;
  std::vector<std::uint32_t> item;
  std::vector<std::uint32_t> basket;   // lines of one purchase share it; dense, in order of appearance
  std::vector<std::int64_t> instant;   // epoch seconds
  // Dense indexes -> names.
  std::vector<std::string> customer_ids;
  std::vector<std::string> skus;
  std::vector<std::string> category_names;
  std::vector<std::string> brand_names;
  // Per item: its category and brand, kNoAttribute when the catalogue has none.
  std::vector<std::uint32_t> item_category;
  std::vector<std::uint32_t> item_brand;
  std::size_t basket_count = 0;

  std::size_t lines() const { return customer.size(); }
  std::size_t customer_count() const { return customer_ids.size(); }
  std::size_t item_count() const { return skus.size(); }
};

// Builds a PurchaseHistory line by line. Consecutive lines of one customer
// with the same purchase key are one basket, as the analytics readers group them.
class PurchaseHistoryBuilder {
 public:
  Status add_line(std::string_view customer_id, std::int64_t instant, std::string_view purchase_key,
                  std::string_view sku);
  // Catalogue attributes of a SKU (before or after its lines); empty = unknown.
  void set_product(std::string_view sku, std::string_view category, std::string_view brand);
  PurchaseHistory finish();

 private:
  std::uint32_t intern_item(std::string_view sku);
  static std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& index, std::vector<std::string>& names,
                              std::string_view name);

  PurchaseHistory history_;
  std::unordered_map<std::string, std::uint32_t> customer_index_, item_index_, category_index_, brand_index_;
  std::uint32_t last_customer_ = UINT32_MAX;
  std::string last_key_;
};

inline std::int64_t start_of_day(Day day) { return static_cast<std::int64_t>(day) * kSecondsPerDay; }

}  // namespace patron::offers
