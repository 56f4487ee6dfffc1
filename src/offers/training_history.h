#pragma once
// What the purchase lines before a cut-off instant say, counted once and
// shared by the recommender and the baselines it is evaluated against: each
// item's lines, baskets and latest purchase, the items in popularity order,
// and each customer's own items in their personal order. Nothing on or after
// the cut-off is read, so an evaluation cannot peek at what it scores.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "offers/purchase_history.h"

namespace patron::offers {

struct OwnItem {
  std::uint32_t item = 0;
  std::uint32_t lines = 0;    // the customer's purchase lines of the item
  std::uint32_t baskets = 0;  // distinct purchases that held it
  std::int64_t last_instant = 0;
};

struct TrainingHistory {
  std::int64_t until_instant = 0;  // lines at or after it are not counted
  std::size_t lines = 0;
  std::size_t baskets = 0;
  // Per item.
  std::vector<std::uint32_t> item_lines;
  std::vector<std::uint32_t> item_baskets;
  std::vector<std::int64_t> item_last_instant;
  std::vector<std::uint32_t> popularity_order;  // items with lines, best first (see ranks_before)
  std::vector<std::uint32_t> popularity_rank;   // item -> position in popularity_order (UINT32_MAX: unsold)
  // Per customer: own items [own_offsets[c], own_offsets[c+1]) in personal order.
  std::vector<std::size_t> own_offsets;
  std::vector<OwnItem> own;
  std::vector<std::uint32_t> customer_baskets;
  // Repeat purchases: baskets after the customer's first that re-bought an
  // item they already had (one per item and basket), out of all item-baskets
  // after the first basket.
  std::vector<std::uint32_t> repeat_item_baskets;
  std::vector<std::uint32_t> later_item_baskets;

  bool bought_before(std::uint32_t customer) const { return own_offsets[customer + 1] > own_offsets[customer]; }
};

// The spec's order for "most purchase lines": more lines first, then the most
// recent purchase, then the SKU (ascending) so the order is total.
bool ranks_before(std::uint32_t lines_a, std::int64_t last_a, const std::string& sku_a, std::uint32_t lines_b,
                  std::int64_t last_b, const std::string& sku_b);

TrainingHistory summarize_before(const PurchaseHistory& history, std::int64_t until_instant);

}  // namespace patron::offers
