#pragma once
// Input rules shared by every entry point (HTTP, CLI, seed), with the bounds as
// named constants.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace patron {

inline constexpr std::size_t max_email_length = 254;
inline constexpr std::size_t min_password_length = 8;
inline constexpr std::size_t max_password_length = 128;
inline constexpr std::size_t max_name_length = 120;
inline constexpr std::size_t max_idempotency_key_length = 255;

Status validate_email(std::string_view email, std::string_view field = "email");
Status validate_password(std::string_view password, std::string_view field = "password");
Status validate_name(std::string_view name, std::string_view field = "name");
Status validate_idempotency_key(std::string_view key);

// Lower-cases ASCII and trims surrounding blanks, so lookups are case-blind.
std::string normalize_email(std::string_view email);

}  // namespace patron
