#pragma once
// Rows grouped by customer with a counting sort, each customer's in row order:
// customer c's rows are order[offset[c] .. offset[c+1]).
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace patron::analytics {

struct RowsByCustomer {
  std::vector<std::uint64_t> offset;  // customer_count + 1 entries
  std::vector<std::uint32_t> order;
};

// The rows [0, rows) that keep(row) keeps, grouped by customer_of(row), which
// is below customer_count.
template <typename CustomerOf, typename Keep>
RowsByCustomer group_by_customer(std::size_t rows, std::size_t customer_count, CustomerOf customer_of, Keep keep) {
  RowsByCustomer groups;
  groups.offset.assign(customer_count + 1, 0);
  for (std::size_t row = 0; row < rows; ++row) {
    if (!keep(row)) continue;
    assert(customer_of(row) < customer_count);
    ++groups.offset[customer_of(row) + 1];
  }
  for (std::size_t c = 0; c < customer_count; ++c) groups.offset[c + 1] += groups.offset[c];
  groups.order.resize(groups.offset[customer_count]);
  std::vector<std::uint64_t> cursor(groups.offset.begin(), groups.offset.end() - 1);
  for (std::size_t row = 0; row < rows; ++row) {
    if (keep(row)) groups.order[cursor[customer_of(row)]++] = static_cast<std::uint32_t>(row);
  }
  return groups;
}

template <typename CustomerOf>
RowsByCustomer group_by_customer(std::size_t rows, std::size_t customer_count, CustomerOf customer_of) {
  return group_by_customer(rows, customer_count, customer_of, [](std::size_t) { return true; });
}

}  // namespace patron::analytics
