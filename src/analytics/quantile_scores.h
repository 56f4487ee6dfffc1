#pragma once
// Quintile scores 1..5 as RFM uses them. The cut points are order statistics
// (no interpolation): q_k is the value at rank ceil(k n / 5) in ascending
// order, and a value scores 1 + #{k in 1..4 : value > q_k}. Equal values
// always get equal scores, so a mass of ties (say, 60% one-time buyers) shares
// the lowest score instead of being split arbitrarily. For Better::lower the
// same holds of the negated values.
#include <cstdint>
#include <span>
#include <vector>

namespace patron::analytics {

inline constexpr int kScoreLevels = 5;

enum class Better { higher, lower };

std::vector<std::uint8_t> quintile_scores(std::span<const std::int64_t> values, Better better);
std::vector<std::uint8_t> quintile_scores(std::span<const std::int32_t> values, Better better);
std::vector<std::uint8_t> quintile_scores(std::span<const std::uint32_t> values, Better better);

}  // namespace patron::analytics
