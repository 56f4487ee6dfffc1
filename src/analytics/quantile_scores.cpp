#include "analytics/quantile_scores.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace patron::analytics {

std::vector<std::uint8_t> quintile_scores(std::span<const std::int64_t> values, Better better) {
  const std::size_t n = values.size();
  std::vector<std::uint8_t> scores(n);
  if (n == 0) return scores;
  // Scoring "lower is better" is scoring the negated values higher-is-better.
  std::vector<std::int64_t> keys(values.begin(), values.end());
  if (better == Better::lower) {
    for (auto& key : keys) key = -key;
  }
  std::vector<std::int64_t> sorted = keys;
  std::array<std::size_t, kScoreLevels - 1> rank{};
  for (int k = 1; k < kScoreLevels; ++k) {
    rank[k - 1] = (static_cast<std::size_t>(k) * n + kScoreLevels - 1) / kScoreLevels - 1;  // ceil(kn/5)-1
  }
  // Nested selection: the middle cut splits the range in which the outer
  // cuts are then selected, so the four selections cost about two passes.
  auto nth = [&](std::size_t lo, std::size_t at, std::size_t hi) {
    std::nth_element(sorted.begin() + lo, sorted.begin() + at, sorted.begin() + hi);
  };
  nth(0, rank[1], n);
  if (rank[0] < rank[1]) nth(0, rank[0], rank[1]);
  if (rank[3] > rank[1]) nth(rank[1] + 1, rank[3], n);
  if (rank[2] > rank[1] && rank[2] < rank[3]) nth(rank[1] + 1, rank[2], rank[3]);
  std::array<std::int64_t, kScoreLevels - 1> cut{};
  for (int k = 0; k < kScoreLevels - 1; ++k) cut[k] = sorted[rank[k]];
  assert(std::is_sorted(cut.begin(), cut.end()));
  for (std::size_t i = 0; i < n; ++i) {
    int score = 1;
    for (const std::int64_t c : cut) score += keys[i] > c ? 1 : 0;
    scores[i] = static_cast<std::uint8_t>(score);
  }
  return scores;
}

}  // namespace patron::analytics
