#include "domain/rewards.h"

#include <algorithm>

namespace patron {

bool reward_is_active(const Reward& reward, std::int64_t now) {
  if (reward.archived) return false;
  if (reward.active_from && now < *reward.active_from) return false;
  if (reward.active_to && now >= *reward.active_to) return false;
  return true;
}

bool reward_is_available(const Reward& reward, std::int64_t now) {
  return reward_is_active(reward, now) && (!reward.stock || *reward.stock > 0);
}

Status check_redeemable(const Reward& reward, std::int64_t now, Points balance,
                        std::int64_t redeemed_by_customer) {
  if (!reward_is_active(reward, now)) return Error::not_found("reward not found or not active");
  if (reward.stock && *reward.stock <= 0) return Error::conflict("this reward is out of stock");
  if (reward.per_customer_limit && redeemed_by_customer >= *reward.per_customer_limit) {
    return Error::conflict("you have reached this reward's limit per customer");
  }
  if (balance < reward.points_cost) {
    return Error{ErrorCode::insufficient_points, "the balance does not cover this reward", {}};
  }
  return ok_status();
}

std::int64_t voucher_expires_at(const Reward& reward, std::int64_t now) {
  const auto days = std::clamp(reward.voucher_valid_days, min_voucher_valid_days, max_voucher_valid_days);
  return now + days * seconds_per_day;
}

VoucherStatus voucher_status(std::optional<std::int64_t> expires_at, std::int64_t now) {
  return expires_at && now >= *expires_at ? VoucherStatus::expired : VoucherStatus::valid;
}

const char* voucher_status_name(VoucherStatus status) {
  return status == VoucherStatus::expired ? "expired" : "valid";
}

}  // namespace patron
