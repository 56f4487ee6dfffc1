#include "analytics/quantile_scores.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace patron::analytics {
namespace {

using Ranks = std::array<std::size_t, kScoreLevels - 1>;
using Cuts = std::array<std::int64_t, kScoreLevels - 1>;

// Counts, recencies in days and most money columns span a small range of
// values: a histogram finds the order statistics in one pass.
constexpr std::uint64_t kMaxCountingRange = 1 << 22;

Cuts cuts_by_counting(const std::vector<std::int64_t>& keys, std::int64_t low, std::int64_t high,
                      const Ranks& rank) {
  std::vector<std::uint32_t> histogram(static_cast<std::size_t>(high - low) + 1, 0);
  for (const std::int64_t key : keys) ++histogram[static_cast<std::size_t>(key - low)];
  Cuts cut{};
  std::size_t seen = 0, next = 0;
  for (std::size_t value = 0; value < histogram.size() && next < rank.size(); ++value) {
    seen += histogram[value];
    while (next < rank.size() && rank[next] < seen) cut[next++] = low + static_cast<std::int64_t>(value);
  }
  return cut;
}

// Nested selection: the middle cut splits the range in which the outer cuts
// are then selected, so the four selections cost about two passes.
Cuts cuts_by_selection(std::vector<std::int64_t> sorted, const Ranks& rank) {
  const std::size_t n = sorted.size();
  auto nth = [&](std::size_t lo, std::size_t at, std::size_t hi) {
    std::nth_element(sorted.begin() + lo, sorted.begin() + at, sorted.begin() + hi);
  };
  nth(0, rank[1], n);
  if (rank[0] < rank[1]) nth(0, rank[0], rank[1]);
  if (rank[3] > rank[1]) nth(rank[1] + 1, rank[3], n);
  if (rank[2] > rank[1] && rank[2] < rank[3]) nth(rank[1] + 1, rank[2], rank[3]);
  Cuts cut{};
  for (std::size_t k = 0; k < cut.size(); ++k) cut[k] = sorted[rank[k]];
  return cut;
}

}  // namespace

std::vector<std::uint8_t> quintile_scores(std::span<const std::int64_t> values, Better better) {
  const std::size_t n = values.size();
  std::vector<std::uint8_t> scores(n);
  if (n == 0) return scores;
  // Scoring "lower is better" is scoring the negated values higher-is-better.
  std::vector<std::int64_t> keys(values.begin(), values.end());
  if (better == Better::lower) {
    for (auto& key : keys) key = -key;
  }
  Ranks rank{};
  for (int k = 1; k < kScoreLevels; ++k) {
    rank[k - 1] = (static_cast<std::size_t>(k) * n + kScoreLevels - 1) / kScoreLevels - 1;  // ceil(kn/5)-1
  }
  const auto [low, high] = std::minmax_element(keys.begin(), keys.end());
  const std::uint64_t range = static_cast<std::uint64_t>(*high) - static_cast<std::uint64_t>(*low);
  // A histogram wider than a few times the values costs more to clear (and
  // fault in) than selection does: cents of spend over a small customer base.
  const std::uint64_t counting_limit = std::min<std::uint64_t>(kMaxCountingRange, 4 * n + 1024);
  const Cuts cut = range < counting_limit ? cuts_by_counting(keys, *low, *high, rank) : cuts_by_selection(keys, rank);
  assert(std::is_sorted(cut.begin(), cut.end()));
  for (std::size_t i = 0; i < n; ++i) {
    int score = 1;
    for (const std::int64_t c : cut) score += keys[i] > c ? 1 : 0;
    scores[i] = static_cast<std::uint8_t>(score);
  }
  return scores;
}

}  // namespace patron::analytics
