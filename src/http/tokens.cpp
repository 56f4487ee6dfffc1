#include "http/tokens.h"

#include <jwt.h>

#include <cstdlib>
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

}  // namespace

std::string TokenSigner::issue(const std::string& subject, const std::string& role, std::int64_t now) const {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) return {};
  JwtPtr token(raw);
  jwt_add_grant(token.get(), "sub", subject.c_str());
  jwt_add_grant(token.get(), "role", role.c_str());
  jwt_add_grant(token.get(), "iss", "patron");
  jwt_add_grant_int(token.get(), "iat", static_cast<long>(now));
  jwt_add_grant_int(token.get(), "exp", static_cast<long>(now + access_token_ttl_seconds));
  jwt_set_alg(token.get(), JWT_ALG_HS256, key_bytes(secret_), static_cast<int>(secret_.size()));
  char* encoded = jwt_encode_str(token.get());
  if (!encoded) return {};
  std::string out(encoded);
  std::free(encoded);  // libjwt 1.10 has no jwt_free_str
  return out;
}

std::optional<AccessClaims> TokenSigner::verify(const std::string& token, std::int64_t now) const {
  jwt_t* raw = nullptr;
  if (jwt_decode(&raw, token.c_str(), key_bytes(secret_), static_cast<int>(secret_.size())) != 0 || !raw) {
    return std::nullopt;
  }
  JwtPtr decoded(raw);
  if (jwt_get_alg(decoded.get()) != JWT_ALG_HS256) return std::nullopt;
  const char* sub = jwt_get_grant(decoded.get(), "sub");
  const char* role = jwt_get_grant(decoded.get(), "role");
  const long exp = jwt_get_grant_int(decoded.get(), "exp");
  if (!sub || !role || exp <= now) return std::nullopt;
  return AccessClaims{sub, role, exp};
}

}  // namespace patron::http
