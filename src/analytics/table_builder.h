#pragma once
// Builds a TransactionTable from purchase lines: interns customer ids into
// dense indexes and merges a line into the previous purchase when it
// continues it. Shared by the streaming reader and the sliced one.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/transaction_file.h"
#include "domain/checked.h"

namespace patron::analytics::detail {

// Whether two ids are the same, for the short ids of purchase files: a byte
// loop, where std::string_view's == calls memcmp (a seventh of reading
// CDNOW went to those calls).
inline bool same_id(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Dense indexes for customer ids: open addressing over the ids' positions,
// so a lookup touches one flat array instead of a chain of nodes. While ids
// arrive in ascending order (files exported sorted by customer, as CDNOW is)
// a new id is one past the last and no table is kept at all: building it
// costs a quarter of a small file's run in first touches of fresh pages.
class IdIndex {
 public:
  // Ids: a vector of std::string or of std::string_view (views that outlive it).
  template <typename Ids>
  std::uint32_t intern(std::string_view id, Ids& ids) {
    if (ascending_) {
      if (ids.empty() || std::string_view(ids.back()) < id) {
        ids.emplace_back(id);
        return static_cast<std::uint32_t>(ids.size() - 1);
      }
      if (same_id(ids.back(), id)) return static_cast<std::uint32_t>(ids.size() - 1);
      ascending_ = false;  // from here on ids may repeat anywhere: index the ones so far
      grow(ids);
    }
    if ((ids.size() + 1) * 2 > slots_.size()) grow(ids);
    std::size_t slot = hash_(id) & (slots_.size() - 1);
    while (slots_[slot] != kFree) {
      if (same_id(ids[slots_[slot]], id)) return slots_[slot];
      slot = (slot + 1) & (slots_.size() - 1);
    }
    slots_[slot] = static_cast<std::uint32_t>(ids.size());
    ids.emplace_back(id);
    return slots_[slot];
  }

 private:
  static constexpr std::uint32_t kFree = UINT32_MAX;
  static constexpr std::size_t kMinSlots = 1024;
  // At most half the slots are taken, with room for the next id.
  template <typename Ids>
  void grow(const Ids& ids) {
    std::size_t size = std::max(kMinSlots, slots_.size() * 2);
    while ((ids.size() + 1) * 2 > size) size *= 2;
    slots_.assign(size, kFree);
    for (std::uint32_t k = 0; k < ids.size(); ++k) {
      std::size_t slot = hash_(ids[k]) & (slots_.size() - 1);
      while (slots_[slot] != kFree) slot = (slot + 1) & (slots_.size() - 1);
      slots_[slot] = k;
    }
  }
  bool ascending_ = true;
  std::vector<std::uint32_t> slots_;
  std::hash<std::string_view> hash_;
};

// Appends purchases, merging a line into the previous purchase when it
// continues it, and interning customer ids into dense indexes.
class TableBuilder {
 public:
  TableBuilder() = default;
  // At most `rows` purchases (and as many customers) are expected.
  explicit TableBuilder(std::size_t rows) {
    table_.purchases.reserve(rows);
    table_.customer_ids.reserve(rows);
  }
  void add(const PurchaseLine& line) {
    const std::uint32_t customer = intern(line.customer_id);
    const bool continues = !line.purchase_key.empty() && customer == last_customer_ && line.purchase_key == last_key_ &&
                           table_.purchases.size() > 0;
    if (continues) {
      auto& amount = table_.purchases.amount_minor.back();  // saturates, as RfmTotal::add_spend
      amount = checked_add(amount, line.amount_minor).value_or(std::numeric_limits<std::int64_t>::max());
    } else {
      table_.purchases.push_back(customer, line.day, line.amount_minor);
    }
    last_customer_ = customer;
    last_key_.assign(line.purchase_key);
  }
  TransactionTable finish() { return std::move(table_); }

 private:
  // Files are often grouped by customer: the previous line's customer is
  // checked before the hash table.
  std::uint32_t intern(std::string_view id) {
    if (last_customer_ != UINT32_MAX && same_id(table_.customer_ids[last_customer_], id)) return last_customer_;
    return ids_.intern(id, table_.customer_ids);
  }
  TransactionTable table_;
  IdIndex ids_;
  std::uint32_t last_customer_ = UINT32_MAX;
  std::string last_key_;
};

// Whether two lines of a file belong to one purchase (same customer and the
// same non-empty purchase key), so a slice boundary must not fall between them.
bool same_purchase(TransactionFormat format, std::string_view first, std::string_view second);

}  // namespace patron::analytics::detail
