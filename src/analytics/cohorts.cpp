#include "analytics/cohorts.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <limits>

namespace patron::analytics {
namespace {

// A history longer than a century is a data error, not a cohort table.
constexpr Month kMaxMonths = 1200;
constexpr Month kNone = std::numeric_limits<Month>::max();

}  // namespace

std::vector<Cohort> cohort_retention(const TransactionColumns& purchases, std::size_t customer_count) {
  assert(purchases.consistent());
  if (purchases.size() == 0) return {};
  std::vector<Month> first_month(customer_count, kNone);
  std::vector<Month> month(purchases.size());
  Month last = std::numeric_limits<Month>::min();
  for (std::size_t row = 0; row < purchases.size(); ++row) {
    month[row] = month_of(purchases.day[row]);
    auto& first = first_month[purchases.customer_index[row]];
    first = std::min(first, month[row]);
    last = std::max(last, month[row]);
  }
  const Month start = *std::min_element(first_month.begin(), first_month.end());
  const Month span = std::min(kMaxMonths, last - start + 1);
  // One bit per (customer, month offset): distinct active months without sorting.
  const std::size_t words = (static_cast<std::size_t>(span) + 63) / 64;
  std::vector<std::uint64_t> active_bits(customer_count * words, 0);
  for (std::size_t row = 0; row < purchases.size(); ++row) {
    const std::uint32_t c = purchases.customer_index[row];
    const Month offset = month[row] - first_month[c];
    if (offset >= span) continue;
    active_bits[c * words + offset / 64] |= std::uint64_t{1} << (offset % 64);
  }
  std::vector<Cohort> cohorts(static_cast<std::size_t>(span));
  for (Month m = 0; m < span; ++m) {
    cohorts[m].first_month = start + m;
    cohorts[m].active.assign(static_cast<std::size_t>(last - (start + m) + 1), 0);
  }
  for (std::size_t c = 0; c < customer_count; ++c) {
    if (first_month[c] == kNone) continue;
    Cohort& cohort = cohorts[first_month[c] - start];
    ++cohort.customers;
    for (std::size_t w = 0; w < words; ++w) {
      for (std::uint64_t bits = active_bits[c * words + w]; bits != 0; bits &= bits - 1) {
        const std::size_t offset = w * 64 + std::countr_zero(bits);
        if (offset < cohort.active.size()) ++cohort.active[offset];
      }
    }
  }
  std::erase_if(cohorts, [](const Cohort& cohort) { return cohort.customers == 0; });
  return cohorts;
}

}  // namespace patron::analytics
