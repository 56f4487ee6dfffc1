#pragma once
// Per-customer affinity to an attribute of what they bought (a category, a
// brand): each line's value decays with its age, halving every half_life_days,
// and a customer's score for an attribute is its share of their decayed spend
// (0..1, the scores of one customer sum to at most 1). Only the top few
// attributes per customer are kept: that is what a 360 view or a campaign
// filter asks for, and it bounds the output at top_k rows per customer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analytics/calendar.h"
#include "analytics/transactions.h"

namespace patron::analytics {

// The lines of the purchases in TransactionColumns, one row per line.
struct LineColumns {
  std::vector<std::uint32_t> purchase_row;  // row of TransactionColumns
  std::vector<std::uint32_t> item;          // dense item (product) id
  std::vector<std::int64_t> amount_minor;   // quantity x unit price

  std::size_t size() const { return purchase_row.size(); }
  void push_back(std::uint32_t row, std::uint32_t item_id, std::int64_t amount) {
    purchase_row.push_back(row);
    item.push_back(item_id);
    amount_minor.push_back(amount);
  }
};

inline constexpr std::uint32_t kNoAttribute = UINT32_MAX;
inline constexpr std::size_t kMaxAffinityTopK = 20;

struct AffinityOptions {
  Day as_of = 0;                 // age is counted to this day
  double half_life_days = 90.0;  // a purchase this old counts half
  std::size_t top_k = 3;         // at most kMaxAffinityTopK
  unsigned workers = 0;
};

// Top attributes per customer, customers ascending, ranks 1..top_k.
struct AffinityTable {
  std::vector<std::uint32_t> customer_index;
  std::vector<std::uint8_t> rank;
  std::vector<std::uint32_t> attribute;  // index into the caller's names
  std::vector<double> score;

  std::size_t size() const { return customer_index.size(); }
};

// attribute_of_item[item] is the item's attribute (kNoAttribute when it has
// none); lines of such items still count in the customer's total spend.
struct AttributeMap {
  const std::vector<std::uint32_t>* attribute_of_item = nullptr;
  std::size_t attribute_count = 0;
};

// One table per map, from one pass over the lines (grouping them by customer
// and decaying their values is most of the work, so it is shared).
std::vector<AffinityTable> compute_affinities(const TransactionColumns& purchases, const LineColumns& lines,
                                              const std::vector<AttributeMap>& maps, std::size_t customer_count,
                                              const AffinityOptions& options);

AffinityTable compute_affinity(const TransactionColumns& purchases, const LineColumns& lines,
                               const std::vector<std::uint32_t>& attribute_of_item, std::size_t attribute_count,
                               std::size_t customer_count, const AffinityOptions& options);

}  // namespace patron::analytics
