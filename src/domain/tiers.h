#pragma once
// Tiers are ordered by qualifying spend over a rolling 12 months. A purchase
// that crosses a threshold upgrades at once; a downgrade happens only at the
// account's yearly anniversary evaluation, so a quiet month never demotes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"

namespace patron {

struct Tier {
  std::string code;
  std::string name;
  MinorUnits threshold_minor = 0;  // qualifying spend over 12 months to reach it
  std::int64_t multiplier_permille = 1000;
};

struct TierProgress {
  MinorUnits qualifying_spend_minor = 0;
  std::optional<Tier> next_tier;
  MinorUnits remaining_spend_minor = 0;
};

// Tiers sorted by threshold ascending; the lowest threshold is the entry tier.
std::vector<Tier> sorted_by_threshold(std::vector<Tier> tiers);

// The highest tier whose threshold the spend reaches (nullopt if no tiers).
std::optional<Tier> tier_earned_by(const std::vector<Tier>& sorted_tiers, MinorUnits qualifying_spend_minor);

// After a purchase: the better of the current tier and the earned one.
// False at the top tier: no purchase can upgrade it, so its spend need not be summed.
bool can_upgrade(const std::vector<Tier>& sorted_tiers, const std::string& current_code);

std::optional<Tier> tier_after_purchase(const std::vector<Tier>& sorted_tiers, const std::string& current_code,
                                        MinorUnits qualifying_spend_minor);

// At the anniversary: exactly the earned tier (may be lower than the current one).
std::optional<Tier> tier_at_anniversary(const std::vector<Tier>& sorted_tiers, MinorUnits qualifying_spend_minor);

TierProgress progress_towards_next(const std::vector<Tier>& sorted_tiers, const std::string& current_code,
                                   MinorUnits qualifying_spend_minor);

}  // namespace patron
