#pragma once
// Refresh tokens, the stateful half of a sign-in (the access token is a
// stateless JWT the HTTP layer signs). A token is stored only as its hash and
// is spent on use for the next one of its family; the tokens of one sign-in
// form a family, and presenting a spent token means it leaked, so the whole
// family is revoked.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/records.h"
#include "services/session.h"

namespace patron::services {

inline constexpr std::int64_t refresh_token_ttl_seconds = 30 * 24 * 3600;

struct RefreshGrant {
  UserRecord user;
  std::string refresh_token;  // the secret; only its hash is stored
};

class RefreshTokens {
 public:
  explicit RefreshTokens(Session session) : session_(session) {}

  // The first token of a new sign-in's family.
  std::string open(const std::string& user_id, std::int64_t now);
  // Spends `token` for the next of its family. Nullopt when it is unknown,
  // expired or revoked, or its user is no longer active; a spent token
  // revokes its family (the caller commits that, and still refuses).
  std::optional<RefreshGrant> rotate(const std::string& token, std::int64_t now);
  // Signing out: the family of `token` is revoked; an unknown token is no error.
  void revoke_family_of(const std::string& token);

 private:
  std::string issue(const std::string& user_id, const std::string& family_id, std::int64_t now);
  Session session_;
};

}  // namespace patron::services
