#include "domain/page_cursor.h"

namespace patron {
namespace {

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kIdCharacters = "abcdefghijklmnopqrstuvwxyz0123456789_";

Error not_issued() { return Error::validation("cursor", "is not a cursor this endpoint issued"); }

// Digits only, at most 18 of them: the value fits an int64 without checks.
std::optional<std::int64_t> small_number(std::string_view text) {
  if (text.empty() || text.size() > TimeCursor::kMaxTimeDigits || text.find_first_not_of(kDigits) != text.npos) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (const char ch : text) value = value * 10 + (ch - '0');
  return value;
}

}  // namespace

Result<TimeCursor> TimeCursor::parse(std::string_view text) {
  if (text.empty()) return TimeCursor{};
  const auto colon = text.find(':');
  if (colon == text.npos) return not_issued();
  const auto at = small_number(text.substr(0, colon));
  const auto id = text.substr(colon + 1);
  if (!at || id.size() > kMaxIdLength || id.find_first_not_of(kIdCharacters) != id.npos) return not_issued();
  return TimeCursor{*at, std::string(id)};
}

std::string TimeCursor::after(std::int64_t at, std::string_view id) {
  return std::to_string(at) + ":" + std::string(id);
}

Result<SequenceCursor> SequenceCursor::parse(std::string_view text) {
  if (text.empty()) return SequenceCursor{};
  const auto sequence = small_number(text);
  if (!sequence) return not_issued();
  return SequenceCursor{*sequence};
}

Result<IdCursor> IdCursor::parse(std::string_view text) {
  if (text.size() > kMaxIdLength) return not_issued();
  return IdCursor{std::string(text)};
}

}  // namespace patron
