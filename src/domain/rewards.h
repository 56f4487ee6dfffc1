#pragma once
// A reward can be redeemed when it is active, in stock, within the customer's
// limit and covered by the balance; the first failing check is reported.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/money.h"
#include "domain/result.h"

namespace patron {

struct Reward {
  std::string id;
  std::string name;
  std::string description;
  std::string terms;  // the fine print
  Points points_cost = 0;
  std::optional<std::int64_t> stock;               // nullopt = unlimited
  std::optional<std::int64_t> per_customer_limit;  // nullopt = unlimited
  std::optional<std::int64_t> active_from;         // epoch seconds, inclusive
  std::optional<std::int64_t> active_to;           // epoch seconds, exclusive
  bool archived = false;
};

bool reward_is_active(const Reward& reward, std::int64_t now);

// Whether a customer sees the reward as available at all (not about points).
bool reward_is_available(const Reward& reward, std::int64_t now);

Status check_redeemable(const Reward& reward, std::int64_t now, Points balance,
                        std::int64_t redeemed_by_customer);

}  // namespace patron
