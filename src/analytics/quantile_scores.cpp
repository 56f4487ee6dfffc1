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

// Scores are computed on keys that grow with merit: the value itself, or its
// distance below the column's largest value when lower is better. Keys are
// computed on the fly, so the column is never copied.
struct KeyOf {
  bool lower_is_better;
  std::int64_t low, high;  // the column's value range
  std::int64_t operator()(std::int64_t value) const { return lower_is_better ? high - value : value - low; }
};

template <typename T>
Cuts cuts_by_counting(std::span<const T> values, const KeyOf& key, const Ranks& rank) {
  std::vector<std::uint32_t> histogram(static_cast<std::size_t>(key.high - key.low) + 1, 0);
  for (const T value : values) ++histogram[static_cast<std::size_t>(key(value))];
  Cuts cut{};
  std::size_t seen = 0, next = 0;
  for (std::size_t k = 0; k < histogram.size() && next < rank.size(); ++k) {
    seen += histogram[k];
    while (next < rank.size() && rank[next] < seen) cut[next++] = static_cast<std::int64_t>(k);
  }
  return cut;
}

// Nested selection: the middle cut splits the range in which the outer cuts
// are then selected, so the four selections cost about two passes.
template <typename T>
Cuts cuts_by_selection(std::span<const T> values, const KeyOf& key, const Ranks& rank) {
  std::vector<std::int64_t> sorted(values.size());
  std::transform(values.begin(), values.end(), sorted.begin(), key);
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

template <typename T>
std::vector<std::uint8_t> scores_of(std::span<const T> values, Better better) {
  const std::size_t n = values.size();
  std::vector<std::uint8_t> scores(n);
  if (n == 0) return scores;
  Ranks rank{};
  for (int k = 1; k < kScoreLevels; ++k) {
    rank[k - 1] = (static_cast<std::size_t>(k) * n + kScoreLevels - 1) / kScoreLevels - 1;  // ceil(kn/5)-1
  }
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  const KeyOf key{better == Better::lower, static_cast<std::int64_t>(*low), static_cast<std::int64_t>(*high)};
  const std::uint64_t range = static_cast<std::uint64_t>(key.high) - static_cast<std::uint64_t>(key.low);
  // A histogram wider than a few times the values costs more to clear (and
  // fault in) than selection does: cents of spend over a small customer base.
  const std::uint64_t counting_limit = std::min<std::uint64_t>(kMaxCountingRange, 4 * n + 1024);
  const Cuts cut = range < counting_limit ? cuts_by_counting(values, key, rank) : cuts_by_selection(values, key, rank);
  assert(std::is_sorted(cut.begin(), cut.end()));
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t k = key(values[i]);
    int score = 1;
    for (const std::int64_t c : cut) score += k > c ? 1 : 0;
    scores[i] = static_cast<std::uint8_t>(score);
  }
  return scores;
}

}  // namespace

std::vector<std::uint8_t> quintile_scores(std::span<const std::int64_t> values, Better better) {
  return scores_of(values, better);
}
std::vector<std::uint8_t> quintile_scores(std::span<const std::int32_t> values, Better better) {
  return scores_of(values, better);
}
std::vector<std::uint8_t> quintile_scores(std::span<const std::uint32_t> values, Better better) {
  return scores_of(values, better);
}

}  // namespace patron::analytics
