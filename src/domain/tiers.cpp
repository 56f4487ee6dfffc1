#include "domain/tiers.h"

#include <algorithm>

namespace patron {
namespace {

std::ptrdiff_t rank_of(const std::vector<Tier>& sorted_tiers, const std::string& code) {
  auto it = std::find_if(sorted_tiers.begin(), sorted_tiers.end(), [&](const Tier& t) { return t.code == code; });
  return it == sorted_tiers.end() ? -1 : it - sorted_tiers.begin();
}

}  // namespace

std::vector<Tier> sorted_by_threshold(std::vector<Tier> tiers) {
  std::stable_sort(tiers.begin(), tiers.end(),
                   [](const Tier& a, const Tier& b) { return a.threshold_minor < b.threshold_minor; });
  return tiers;
}

std::optional<Tier> tier_earned_by(const std::vector<Tier>& sorted_tiers, MinorUnits qualifying_spend_minor) {
  std::optional<Tier> earned;
  for (const auto& tier : sorted_tiers) {
    if (qualifying_spend_minor >= tier.threshold_minor) earned = tier;
  }
  if (!earned && !sorted_tiers.empty()) earned = sorted_tiers.front();
  return earned;
}

bool can_upgrade(const std::vector<Tier>& sorted_tiers, const std::string& current_code) {
  if (sorted_tiers.empty()) return false;
  const auto rank = rank_of(sorted_tiers, current_code);
  return rank < 0 || rank + 1 < static_cast<std::ptrdiff_t>(sorted_tiers.size());
}

std::optional<Tier> tier_after_purchase(const std::vector<Tier>& sorted_tiers, const std::string& current_code,
                                        MinorUnits qualifying_spend_minor) {
  auto earned = tier_earned_by(sorted_tiers, qualifying_spend_minor);
  const auto current_rank = rank_of(sorted_tiers, current_code);
  if (current_rank < 0) return earned;
  if (!earned || rank_of(sorted_tiers, earned->code) <= current_rank) return sorted_tiers[current_rank];
  return earned;
}

std::optional<Tier> tier_at_anniversary(const std::vector<Tier>& sorted_tiers, MinorUnits qualifying_spend_minor) {
  return tier_earned_by(sorted_tiers, qualifying_spend_minor);
}

TierProgress progress_towards_next(const std::vector<Tier>& sorted_tiers, const std::string& current_code,
                                   MinorUnits qualifying_spend_minor) {
  TierProgress progress;
  progress.qualifying_spend_minor = qualifying_spend_minor;
  const auto current_rank = rank_of(sorted_tiers, current_code);
  const auto next_rank = static_cast<std::size_t>(current_rank + 1);
  if (next_rank < sorted_tiers.size()) {
    progress.next_tier = sorted_tiers[next_rank];
    progress.remaining_spend_minor = std::max<MinorUnits>(0, progress.next_tier->threshold_minor - qualifying_spend_minor);
  }
  return progress;
}

}  // namespace patron
