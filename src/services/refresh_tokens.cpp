#include "services/refresh_tokens.h"

#include "services/secrets.h"

namespace patron::services {

std::string RefreshTokens::issue(const std::string& user_id, const std::string& family_id, std::int64_t now) {
  auto token = random_token();
  const RefreshTokenRecord record{new_id("rt"), user_id, family_id, now + refresh_token_ttl_seconds, false, false};
  session_.stores().access().insert_refresh_token(record, hash_hex(token), now);
  return token;
}

std::string RefreshTokens::open(const std::string& user_id, std::int64_t now) {
  return issue(user_id, new_id("fam"), now);
}

std::optional<RefreshGrant> RefreshTokens::rotate(const std::string& token, std::int64_t now) {
  auto& access = session_.stores().access();
  const auto record = access.find_refresh_token(hash_hex(token));
  if (!record || record->revoked || record->expires_at <= now) return std::nullopt;
  if (record->spent) {
    access.revoke_family(record->family_id);
    return std::nullopt;
  }
  auto user = session_.stores().users().find_by_id(record->user_id);
  if (!user || user->status != "active") return std::nullopt;
  access.mark_spent(record->id);
  auto next = issue(user->id, record->family_id, now);
  return RefreshGrant{std::move(*user), std::move(next)};
}

void RefreshTokens::revoke_family_of(const std::string& token) {
  auto& access = session_.stores().access();
  if (const auto record = access.find_refresh_token(hash_hex(token))) access.revoke_family(record->family_id);
}

}  // namespace patron::services
