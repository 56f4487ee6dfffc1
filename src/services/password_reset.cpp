#include "services/password_reset.h"

#include "domain/validation.h"

namespace patron::services {
namespace {

Error bad_link() {
  return {ErrorCode::validation_failed, "this reset link is invalid, expired or already used; ask for a new one",
          "token"};
}

}  // namespace

std::optional<ResetLink> PasswordResets::request(const std::string& email_input, std::int64_t now) {
  const auto email = normalize_email(email_input);
  auto user = session_.stores().users().find_by_email(email);
  if (!user || user->status != "active") return std::nullopt;
  auto& users = session_.stores().users();
  users.delete_expired_password_resets(now);  // keeps the table to the live links
  ResetLink link{user->email, user->name, random_token()};
  users.insert_password_reset({new_id("prt"), user->id, now + ttl_seconds_, std::nullopt}, hash_hex(link.token), now);
  return link;
}

Result<std::string> PasswordResets::confirm(const std::string& token, const PasswordHash& new_hash,
                                            std::int64_t now) {
  auto& users = session_.stores().users();
  auto record = users.find_password_reset(hash_hex(token));
  if (!record || record->used_at || record->expires_at <= now) return bad_link();
  auto user = users.find_by_id(record->user_id);
  if (!user || user->status != "active") return bad_link();
  if (!users.mark_password_reset_used(record->id, now)) return bad_link();
  users.update_password_hash(user->id, new_hash.encoded, now);
  users.close_password_resets_of(user->id, now);
  session_.stores().access().revoke_all_for_user(user->id, "");
  return user->id;
}

std::string reset_url(const std::string& portal_url, const std::string& token) {
  auto base = portal_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/reset-password?token=" + token;  // URL-safe base64: nothing to escape
}

MailMessage reset_mail(const ResetLink& link, const std::string& portal_url, std::int64_t ttl_seconds) {
  const auto count = (ttl_seconds + 59) / 60;
  const auto minutes = std::to_string(count) + (count == 1 ? " minute" : " minutes");
  std::string text = "Hello " + link.name + ",\n\n";
  text += "Someone (we hope you) asked to reset the password of your Patron account.\n";
  text += "Choose a new password here within " + minutes + ":\n\n";
  text += reset_url(portal_url, link.token) + "\n\n";
  text += "The link works once. If you did not ask for it, ignore this e-mail: your password stays as it is.\n";
  return {link.email, "Reset your Patron password", text};
}

}  // namespace patron::services
