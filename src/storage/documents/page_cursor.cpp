#include "storage/documents/page_cursor.h"

#include <charconv>

#include "storage/documents/limits.h"

namespace patron::documents {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kSeparator = '.';

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

Error bad_cursor() { return Error::validation("cursor", "is not a cursor this list returned"); }

}  // namespace

// "<time_ms>.<hex tiebreak>": printable, URL-safe, and cheap to check.
std::string encode_cursor(const PageCursor& cursor) {
  std::string text = std::to_string(cursor.time_ms);
  text.push_back(kSeparator);
  for (const char byte : cursor.tiebreak) {
    const auto value = static_cast<unsigned char>(byte);
    text.push_back(kHexDigits[value >> 4]);
    text.push_back(kHexDigits[value & 0x0F]);
  }
  return text;
}

Result<PageCursor> decode_cursor(std::string_view text) {
  const auto separator = text.find(kSeparator);
  if (separator == std::string_view::npos || separator == 0) return bad_cursor();
  PageCursor cursor;
  const auto* begin = text.data();
  const auto [end, error] = std::from_chars(begin, begin + separator, cursor.time_ms);
  if (error != std::errc{} || end != begin + separator) return bad_cursor();
  if (cursor.time_ms < kMinTimestampMs || cursor.time_ms > kMaxTimestampMs) return bad_cursor();
  const std::string_view hex = text.substr(separator + 1);
  if (hex.size() % 2 != 0 || hex.size() > 2 * kMaxIdBytes) return bad_cursor();
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = hex_value(hex[i]);
    const int low = hex_value(hex[i + 1]);
    if (high < 0 || low < 0) return bad_cursor();
    cursor.tiebreak.push_back(static_cast<char>((high << 4) | low));
  }
  return cursor;
}

}  // namespace patron::documents
