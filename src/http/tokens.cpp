#include "http/tokens.h"

#include <jwt.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace patron::http {
namespace {

struct JwtDeleter {
  void operator()(jwt_t* token) const { jwt_free(token); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

const unsigned char* key_bytes(const std::string& secret) {
  return reinterpret_cast<const unsigned char*>(secret.data());
}

// libjwt 1.x answers 0 for a missing (or non-integer) claim and says so only through errno.
std::optional<long> integer_claim(jwt_t* token, const char* name) {
  errno = 0;
  const long value = jwt_get_grant_int(token, name);
  if (errno != 0) return std::nullopt;
  return value;
}

bool string_claim_is(jwt_t* token, const char* name, const char* expected) {
  const char* value = jwt_get_grant(token, name);
  return value && std::strcmp(value, expected) == 0;
}

}  // namespace

std::string TokenSigner::issue(const std::string& subject, const std::string& role, std::int64_t now) const {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) return {};
  JwtPtr token(raw);
  jwt_add_grant(token.get(), "sub", subject.c_str());
  jwt_add_grant(token.get(), "role", role.c_str());
  jwt_add_grant(token.get(), "iss", token_issuer);
  jwt_add_grant(token.get(), "aud", token_audience);
  jwt_add_grant_int(token.get(), "iat", static_cast<long>(now));
  jwt_add_grant_int(token.get(), "nbf", static_cast<long>(now));
  jwt_add_grant_int(token.get(), "exp", static_cast<long>(now + access_token_ttl_seconds));
  jwt_set_alg(token.get(), JWT_ALG_HS256, key_bytes(secret_), static_cast<int>(secret_.size()));
  char* encoded = jwt_encode_str(token.get());
  if (!encoded) return {};
  std::string out(encoded);
  std::free(encoded);  // libjwt 1.10 has no jwt_free_str
  return out;
}

std::optional<AccessClaims> TokenSigner::verify(const std::string& token, std::int64_t now) const {
  if (auto claims = verify_with(secret_, token, now)) return claims;
  if (!previous_secret_.empty()) return verify_with(previous_secret_, token, now);
  return std::nullopt;
}

std::optional<AccessClaims> TokenSigner::verify_with(const std::string& secret, const std::string& token,
                                                     std::int64_t now) const {
  jwt_t* raw = nullptr;
  if (jwt_decode(&raw, token.c_str(), key_bytes(secret), static_cast<int>(secret.size())) != 0 || !raw) {
    return std::nullopt;
  }
  JwtPtr decoded(raw);
  if (jwt_get_alg(decoded.get()) != JWT_ALG_HS256) return std::nullopt;
  if (!string_claim_is(decoded.get(), "iss", token_issuer) || !string_claim_is(decoded.get(), "aud", token_audience)) {
    return std::nullopt;
  }
  const auto exp = integer_claim(decoded.get(), "exp");
  const auto iat = integer_claim(decoded.get(), "iat");
  const auto nbf = integer_claim(decoded.get(), "nbf");  // optional: checked when present
  if (!exp || *exp <= now) return std::nullopt;
  if (!iat || *iat > now + token_clock_leeway_seconds) return std::nullopt;
  if (nbf && *nbf > now + token_clock_leeway_seconds) return std::nullopt;
  const char* sub = jwt_get_grant(decoded.get(), "sub");
  const char* role = jwt_get_grant(decoded.get(), "role");
  if (!sub || !role) return std::nullopt;
  return AccessClaims{sub, role, *exp};
}

}  // namespace patron::http
