#pragma once
// Per-customer affinity to an attribute of what they bought or looked at (a
// category, a brand): each purchase line counts its value, each behaviour
// event a fixed fraction of the customer's average line (EventWeights), and
// both decay with their age, halving every half_life_days. A customer's score
// for an attribute is its share of their decayed interest (0..1, the scores
// of one customer sum to at most 1). Only the top few attributes per customer
// are kept: that is what a 360 view or a campaign filter asks for, and it
// bounds the output at top_k rows per customer.
#include <cassert>
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

// What one behaviour event is worth, in units of the customer's average
// purchase line (undecayed mean of their lines' positive values), so a
// wishlist of a big spender weighs as much, relative to their purchases, as a
// small spender's. Every weight is below 1: buying says more than looking.
// remove_from_cart is 0, not negative: the add_to_cart before it already
// showed the interest, and taking an item out is not a dislike of its
// category. A search counts only when it names a category (the caller drops
// the others: free text has no attribute).
struct EventWeights {
  double view = 0.1;
  double search = 0.1;
  double add_to_cart = 0.3;
  double remove_from_cart = 0.0;
  double wishlist = 0.5;
  double click_offer = 0.2;
};

// Behaviour events the caller resolved to attributes, one row per event kept.
// attribute[m][i] is event i's attribute in the m-th AttributeMap passed with
// it (kNoAttribute when it has none there, e.g. a brand for a category-only
// event); such events still count in the customer's total interest.
struct EventColumns {
  std::vector<std::uint32_t> customer_index;
  std::vector<Day> day;
  std::vector<float> weight;  // EventWeights' units, > 0
  std::vector<std::vector<std::uint32_t>> attribute;

  explicit EventColumns(std::size_t maps = 0) : attribute(maps) {}
  std::size_t size() const { return customer_index.size(); }
  void push_back(std::uint32_t customer, Day event_day, float event_weight,
                 const std::vector<std::uint32_t>& attribute_per_map) {
    assert(attribute_per_map.size() == attribute.size());
    customer_index.push_back(customer);
    day.push_back(event_day);
    weight.push_back(event_weight);
    for (std::size_t m = 0; m < attribute.size(); ++m) attribute[m].push_back(attribute_per_map[m]);
  }
};

struct AffinityOptions {
  Day as_of = 0;                 // age is counted to this day
  double half_life_days = 90.0;  // a purchase or event this old counts half
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

// One table per map, from one pass over the lines and events (grouping them by
// customer and decaying their values is most of the work, so it is shared).
// events is empty or has one attribute column per map.
std::vector<AffinityTable> compute_affinities(const TransactionColumns& purchases, const LineColumns& lines,
                                              const std::vector<AttributeMap>& maps, std::size_t customer_count,
                                              const AffinityOptions& options, const EventColumns& events = EventColumns());

AffinityTable compute_affinity(const TransactionColumns& purchases, const LineColumns& lines,
                               const std::vector<std::uint32_t>& attribute_of_item, std::size_t attribute_count,
                               std::size_t customer_count, const AffinityOptions& options,
                               const EventColumns& events = EventColumns(1));

}  // namespace patron::analytics
