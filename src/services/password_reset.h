#pragma once
// "Forgot password?" (issue 16): a reset link by e-mail whose token is stored
// only as its hash, works once and expires. Asking answers the same whether
// the address is known or not; the caller mails the link only when there is one.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/result.h"
#include "services/mailer.h"
#include "services/secrets.h"
#include "services/session.h"

namespace patron::services {

inline constexpr std::int64_t default_password_reset_ttl_seconds = 30 * 60;
inline constexpr std::int64_t max_password_reset_ttl_seconds = 24 * 60 * 60;

struct ResetLink {
  std::string email;
  std::string name;
  std::string token;  // the secret in the link; only its hash is stored
};

class PasswordResets {
 public:
  PasswordResets(Session session, std::int64_t ttl_seconds) : session_(session), ttl_seconds_(ttl_seconds) {}

  // A new link for an active user with this e-mail; nullopt for any other address.
  std::optional<ResetLink> request(const std::string& email, std::int64_t now);
  // Uses the token once: sets the password, closes the user's other reset
  // links and revokes every refresh token. Returns the user's id.
  Result<std::string> confirm(const std::string& token, const PasswordHash& new_hash, std::int64_t now);

 private:
  Session session_;
  std::int64_t ttl_seconds_;
};

// The message that carries the link: `portal_url` is the portal's public origin.
MailMessage reset_mail(const ResetLink& link, const std::string& portal_url, std::int64_t ttl_seconds);
std::string reset_url(const std::string& portal_url, const std::string& token);

}  // namespace patron::services
