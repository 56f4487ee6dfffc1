#pragma once
// Purchase history in columns, one row per purchase occasion (an invoice, or
// the lines a customer bought at one moment). Analyses stream over these
// arrays; no per-row objects exist, so 20 M purchases cost 16 bytes each.
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analytics/calendar.h"

namespace patron::analytics {

struct TransactionColumns {
  std::vector<std::uint32_t> customer_index;  // dense, 0 .. customer_count-1
  std::vector<Day> day;
  std::vector<std::int64_t> amount_minor;  // currency minor units (cents)

  std::size_t size() const { return customer_index.size(); }
  void reserve(std::size_t rows) {
    customer_index.reserve(rows);
    day.reserve(rows);
    amount_minor.reserve(rows);
  }
  void push_back(std::uint32_t customer, Day purchase_day, std::int64_t amount) {
    customer_index.push_back(customer);
    day.push_back(purchase_day);
    amount_minor.push_back(amount);
  }
  bool consistent() const { return day.size() == size() && amount_minor.size() == size(); }
};

// Purchases plus the external ids their dense customer indexes stand for.
struct TransactionTable {
  TransactionColumns purchases;
  std::vector<std::string> customer_ids;  // customer_index -> external id

  std::size_t customer_count() const { return customer_ids.size(); }
};

}  // namespace patron::analytics
