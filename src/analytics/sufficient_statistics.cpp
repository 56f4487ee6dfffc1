#include "analytics/sufficient_statistics.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <limits>

namespace patron::analytics {
namespace {

constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();

std::uint64_t mix(std::uint64_t h) {  // splitmix64 finalizer
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

std::uint64_t hash_triple(std::uint32_t x, double t_x, double t) {
  const auto a = std::bit_cast<std::uint64_t>(t_x);
  const auto b = std::bit_cast<std::uint64_t>(t);
  return mix(a ^ mix(b + x));
}

}  // namespace

BtydGroups group_by_sufficient_statistics(std::span<const std::uint32_t> frequency,
                                          std::span<const double> recency,
                                          std::span<const double> age) {
  assert(frequency.size() == recency.size() && frequency.size() == age.size());
  const std::size_t rows = frequency.size();
  // Open addressing at load <= 1/2; slots hold group numbers.
  const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, 2 * rows));
  const std::size_t mask = capacity - 1;
  std::vector<std::uint32_t> slots(capacity, kEmpty);
  BtydGroups groups;
  groups.group_of_row.resize(rows);
  for (std::size_t row = 0; row < rows; ++row) {
    const std::uint32_t x = frequency[row];
    const double t_x = recency[row];
    const double t = age[row];
    std::size_t slot = hash_triple(x, t_x, t) & mask;
    // Probing ends: the table always has an empty slot at load <= 1/2.
    while (true) {
      const std::uint32_t group = slots[slot];
      if (group == kEmpty) {
        slots[slot] = static_cast<std::uint32_t>(groups.size());
        groups.group_of_row[row] = slots[slot];
        groups.frequency.push_back(x);
        groups.recency.push_back(t_x);
        groups.age.push_back(t);
        groups.weight.push_back(1.0);
        groups.max_frequency = std::max(groups.max_frequency, x);
        break;
      }
      if (groups.frequency[group] == x && groups.recency[group] == t_x && groups.age[group] == t) {
        groups.weight[group] += 1.0;
        groups.group_of_row[row] = group;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return groups;
}

std::vector<double> expand_to_rows(const BtydGroups& groups, std::span<const double> per_group) {
  assert(per_group.size() == groups.size());
  std::vector<double> rows(groups.group_of_row.size());
  for (std::size_t row = 0; row < rows.size(); ++row) rows[row] = per_group[groups.group_of_row[row]];
  return rows;
}

}  // namespace patron::analytics
