#include "domain/validation.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace patron {

std::string normalize_email(std::string_view email) {
  auto begin = email.find_first_not_of(" \t\r\n");
  auto end = email.find_last_not_of(" \t\r\n");
  std::string out = begin == std::string_view::npos ? std::string{} : std::string(email.substr(begin, end - begin + 1));
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

Status validate_email(std::string_view email, std::string_view field) {
  const auto at = email.find('@');
  const bool shaped = at != std::string_view::npos && at > 0 && at == email.rfind('@') &&
                      email.find('.', at) != std::string_view::npos && email.back() != '.' &&
                      email.find_first_of(" \t\r\n<>\"'") == std::string_view::npos;
  if (email.empty() || email.size() > max_email_length || !shaped) {
    return Error::validation(std::string(field), "must be a valid email address");
  }
  return ok_status();
}

Status validate_password(std::string_view password, std::string_view field) {
  if (password.size() < min_password_length || password.size() > max_password_length) {
    return Error::validation(std::string(field), "must be between 8 and 128 characters");
  }
  return ok_status();
}

Status validate_name(std::string_view name, std::string_view field) {
  const bool blank = name.find_first_not_of(" \t") == std::string_view::npos;
  if (blank || name.size() > max_name_length) {
    return Error::validation(std::string(field), "must be 1 to 120 characters, not blank");
  }
  const bool has_control = std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20; });
  if (has_control) return Error::validation(std::string(field), "must not contain control characters");
  return ok_status();
}

Status validate_idempotency_key(std::string_view key) {
  if (key.empty() || key.size() > max_idempotency_key_length) {
    return Error::validation("Idempotency-Key", "must be 1 to 255 characters");
  }
  return ok_status();
}

}  // namespace patron
