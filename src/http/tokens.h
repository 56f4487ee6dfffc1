#pragma once
// HS256 access tokens. The algorithm is pinned on verification: a token
// declaring any other algorithm (including "none") is rejected. Issuer,
// audience, expiry, issued-at and not-before are all checked, so a token made
// for another service, or one dated in the future, is refused.
//
// Key rotation: tokens are signed with the current secret and verified with
// the current or the previous one, so a secret can be replaced without
// signing everybody out (set JWT_SECRET_PREVIOUS to the old secret for at
// least access_token_ttl_seconds, then drop it).
#include <cstdint>
#include <optional>
#include <string>

namespace patron::http {

inline constexpr std::int64_t access_token_ttl_seconds = 15 * 60;
inline constexpr const char* token_issuer = "patron";
inline constexpr const char* token_audience = "patron-api";
// Clock skew tolerated on `iat` and `nbf` between this server and others
// sharing the secret; a token issued further in the future is refused.
inline constexpr std::int64_t token_clock_leeway_seconds = 60;

struct AccessClaims {
  std::string subject;
  std::string role;
  std::int64_t expires_at = 0;
};

class TokenSigner {
 public:
  explicit TokenSigner(std::string secret, std::string previous_secret = {})
      : secret_(std::move(secret)), previous_secret_(std::move(previous_secret)) {}
  std::string issue(const std::string& subject, const std::string& role, std::int64_t now) const;
  std::optional<AccessClaims> verify(const std::string& token, std::int64_t now) const;

 private:
  std::optional<AccessClaims> verify_with(const std::string& secret, const std::string& token, std::int64_t now) const;

  std::string secret_;
  std::string previous_secret_;  // verifies only; empty when no rotation is under way
};

}  // namespace patron::http
