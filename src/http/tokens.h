#pragma once
// HS256 access tokens. The algorithm is pinned on verification: a token
// declaring any other algorithm (including "none") is rejected.
#include <cstdint>
#include <optional>
#include <string>

namespace patron::http {

inline constexpr std::int64_t access_token_ttl_seconds = 15 * 60;
inline constexpr std::int64_t refresh_token_ttl_seconds = 30 * 24 * 3600;

struct AccessClaims {
  std::string subject;
  std::string role;
  std::int64_t expires_at = 0;
};

class TokenSigner {
 public:
  explicit TokenSigner(std::string secret) : secret_(std::move(secret)) {}
  std::string issue(const std::string& subject, const std::string& role, std::int64_t now) const;
  std::optional<AccessClaims> verify(const std::string& token, std::int64_t now) const;

 private:
  std::string secret_;
};

}  // namespace patron::http
