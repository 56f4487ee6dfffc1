#pragma once
// A reward can be redeemed when it is active, in stock, within the customer's
// limit and covered by the balance; the first failing check is reported.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/money.h"
#include "domain/result.h"

namespace patron {

// How long a redeemed reward's voucher stays valid, in days (issue 16).
constexpr std::int64_t min_voucher_valid_days = 1;
constexpr std::int64_t max_voucher_valid_days = 3650;  // ten years
constexpr std::int64_t default_voucher_valid_days = 90;
constexpr std::int64_t seconds_per_day = 86'400;

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
  std::int64_t voucher_valid_days = default_voucher_valid_days;
};

bool reward_is_active(const Reward& reward, std::int64_t now);

// Whether a customer sees the reward as available at all (not about points).
bool reward_is_available(const Reward& reward, std::int64_t now);

Status check_redeemable(const Reward& reward, std::int64_t now, Points balance,
                        std::int64_t redeemed_by_customer);

// When a voucher for `reward` redeemed at `now` stops being valid (epoch seconds).
std::int64_t voucher_expires_at(const Reward& reward, std::int64_t now);

// A voucher without an expiry (issued before vouchers expired) stays valid.
enum class VoucherStatus { valid, expired };
VoucherStatus voucher_status(std::optional<std::int64_t> expires_at, std::int64_t now);
const char* voucher_status_name(VoucherStatus status);

}  // namespace patron
