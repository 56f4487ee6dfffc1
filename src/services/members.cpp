#include "services/members.h"

#include "services/reward_images.h"

namespace patron::services {

Error account_not_found() { return Error{ErrorCode::not_found, "this account no longer exists", {}}; }

Result<UserRecord> Members::active(const std::string& id) {
  auto user = session_.stores().users().find_by_id(id);
  if (!user || user->status != "active") return account_not_found();
  return std::move(*user);
}

std::optional<UserRecord> Members::signing_in(const std::string& email) {
  return session_.stores().users().find_by_email(email);
}

Result<UserRecord> Members::update_profile(const std::string& id, const ProfileChange& change, std::int64_t now) {
  auto user = active(id);
  if (!user.ok()) return user.error();
  if (change.name) user->name = *change.name;
  if (change.phone) user->phone = *change.phone;
  if (change.marketing_opt_in) user->marketing_opt_in = *change.marketing_opt_in;
  session_.stores().users().update_profile(*user, now);
  return user;
}

Status Members::replace_password_hash(const std::string& id, const std::string& verified_hash,
                                      const std::string& new_hash, std::int64_t now) {
  auto user = active(id);
  if (!user.ok()) return user.error();
  if (user->password_hash != verified_hash) {
    return Error{ErrorCode::conflict, "the password was changed meanwhile; try again", "current_password"};
  }
  session_.stores().users().update_password_hash(id, new_hash, now);
  session_.stores().access().revoke_all_for_user(id, "");
  return Unit{};
}

Page<TransactionRecord> Members::purchases(const std::string& id, int limit, const TimeCursor& cursor) {
  return session_.stores().transactions().list_for_customer(id, limit, cursor);
}

Page<LedgerEntryRecord> Members::ledger(const std::string& id, int limit, const SequenceCursor& cursor) {
  return session_.stores().ledger().list(id, limit, cursor.before);
}

Page<RedemptionRecord> Members::vouchers(const std::string& id, int limit, const TimeCursor& cursor) {
  return session_.stores().ledger().redemptions_of(id, limit, cursor);
}

std::vector<MemberReward> Members::rewards(std::int64_t now) {
  std::vector<MemberReward> out;
  const auto images = RewardImages(session_).urls();
  for (auto& reward : session_.stores().catalog().active_rewards()) {
    if (!reward_is_active(reward, now)) continue;
    const auto image = images.find(reward.id);
    const bool available = reward_is_available(reward, now);
    out.push_back({std::move(reward), image == images.end() ? std::nullopt : std::optional(image->second), available});
  }
  return out;
}

}  // namespace patron::services
