#pragma once
// Streams the stored purchase history into the analytics' columns: one pass
// over transactions and one over their lines, joined by transaction id (SOCI
// fetches kHistoryFetchRows rows at a time). No per-purchase object is built; the
// only strings kept are the distinct customer ids and product SKUs.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "analytics/affinity.h"
#include "analytics/transactions.h"

namespace patron::sql {

inline constexpr std::size_t kHistoryFetchRows = 20'000;

struct StoredHistory {
  analytics::TransactionTable purchases;  // customer_ids are user ids
  analytics::LineColumns lines;           // lines of those purchases, in purchase order
  // Items are products by SKU; lines of SKUs not in the catalogue get an item
  // without category or brand.
  std::vector<std::string> item_sku;
  std::vector<std::uint32_t> item_category, item_brand;  // analytics::kNoAttribute when blank
  std::vector<std::string> category_names, brand_names;
};

struct HistoryReadOptions {
  bool with_lines = true;  // false: purchases only (RFM, BTYD, cohorts)
  // SQLite is read through sqlite_direct; true forces the SOCI path the other
  // dialects take (tests compare the two).
  bool portable_path = false;
};

// Called after each fetch with the transactions read so far and in all.
using HistoryReadProgress = std::function<void(std::size_t done, std::size_t total)>;

StoredHistory read_history(soci::session& session, const HistoryReadOptions& options,
                           const HistoryReadProgress& progress = {});

}  // namespace patron::sql
