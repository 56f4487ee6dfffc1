#include "analytics/cdnow_line.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "analytics/calendar.h"

namespace patron::analytics::detail {
namespace {

constexpr std::int64_t kMaxPlainQuantity = 1'000'000'000;  // as the general parser's bound
constexpr std::size_t kMaxQuantityDigits = 10;
constexpr std::size_t kMaxMajorDigits = 15;  // below the general parser's 1e15 ceiling
constexpr std::size_t kMaxCentDigits = 2;
constexpr std::size_t kDateDigits = 8;
constexpr std::size_t kMaxLastLineBytes = 256;  // a longer unterminated last line goes to the general parser

static_assert(std::endian::native == std::endian::little, "the eight-digit read assumes little-endian bytes");

bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }
bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// Every read below runs over a line that ends at its '\n', which is neither a
// blank, a digit nor part of an id: each loop stops there without an end check.
const char* skip_blanks(const char* at) {
  while (is_blank(*at)) ++at;
  return at;
}

// 1 to max_digits digits not followed by another; the end of them, or null.
const char* read_digits(const char* at, std::size_t max_digits, std::int64_t& value) {
  const char* start = at;
  value = 0;
  while (is_digit(*at) && static_cast<std::size_t>(at - start) < max_digits) value = value * 10 + (*at++ - '0');
  return at != start && !is_digit(*at) ? at : nullptr;
}

// Eight ASCII digits as one number, eight bytes at a time (simdjson's
// parse_eight_digits_unrolled): a date is a third of a line.
bool read_eight_digits(const char* at, std::uint32_t& value) {
  std::uint64_t chunk = 0;
  std::memcpy(&chunk, at, sizeof chunk);
  constexpr std::uint64_t kHighNibbles = 0xF0F0F0F0F0F0F0F0;
  const std::uint64_t nibbles = (chunk & kHighNibbles) | (((chunk + 0x0606060606060606) & kHighNibbles) >> 4);
  if (nibbles != 0x3333333333333333) return false;  // a byte outside '0'..'9'
  chunk = (chunk & 0x0F0F0F0F0F0F0F0F) * 2561 >> 8;
  chunk = (chunk & 0x00FF00FF00FF00FF) * 6553601 >> 16;
  value = static_cast<std::uint32_t>((chunk & 0x0000FFFF0000FFFF) * 42949672960001 >> 32);
  return true;
}

// "yyyymmdd" and a blank after it; `at` has at least nine bytes before the '\n'.
bool read_date(const char* at, Day& day) {
  std::uint32_t value = 0;
  if (!read_eight_digits(at, value) || !is_blank(at[kDateDigits])) return false;
  const auto year = static_cast<int>(value / 10000);
  const auto month = value / 100 % 100;
  const auto day_of_month = value % 100;
  if (month < 1 || month > 12 || day_of_month < 1) return false;
  if (day_of_month > 28) {  // let the calendar say whether the month has it
    const auto checked = parse_date(std::string_view(at, kDateDigits));
    if (!checked) return false;
    day = *checked;
    return true;
  }
  day = day_from_civil(year, month, day_of_month);
  return true;
}

// Whole dollars, then at most two decimals; the end of the field, or null.
const char* read_dollars(const char* at, std::int64_t& minor) {
  std::int64_t major = 0;
  at = read_digits(at, kMaxMajorDigits, major);
  if (at == nullptr) return nullptr;
  std::int64_t cents = 0;
  if (*at == '.') {
    const char* start = ++at;
    if (is_digit(*at) && (at = read_digits(at, kMaxCentDigits, cents)) == nullptr) return nullptr;
    if (at - start == 1) cents *= 10;
  }
  minor = major * 100 + cents;
  return is_blank(*at) || *at == '\n' ? at : nullptr;
}

// The line from `at` to `newline` (a '\n'); false when it is not of the plain shape.
bool read_line(const char* at, const char* newline, PurchaseLine& out) {
  at = skip_blanks(at);
  const char* id = at;
  while (!is_blank(*at) && *at != '\n') ++at;
  if (at == id || at == newline) return false;
  const std::string_view customer(id, static_cast<std::size_t>(at - id));
  at = skip_blanks(at);
  Day day = 0;
  if (newline - at <= static_cast<std::ptrdiff_t>(kDateDigits) || !read_date(at, day)) return false;
  at = skip_blanks(at + kDateDigits);
  std::int64_t cds = 0;
  at = read_digits(at, kMaxQuantityDigits, cds);
  if (at == nullptr || cds > kMaxPlainQuantity || !is_blank(*at)) return false;
  std::int64_t minor = 0;
  at = read_dollars(skip_blanks(at), minor);
  if (at == nullptr || skip_blanks(at) != newline) return false;  // a fifth field: the sample's shape
  // Field by field: zeroing the whole line first (a `rep stos` of 128 bytes)
  // took a quarter of this function's time.
  out.customer_id = customer;
  out.day = day;
  out.seconds_of_day = 0;
  out.purchase_key = {};
  out.sku = {};
  out.description = {};
  out.currency = {};
  out.store = {};
  out.quantity = cds;
  out.unit_price_minor = 0;
  out.amount_minor = minor;
  return true;
}

// The file's last line, without a '\n': read from a copy that has one.
std::size_t read_last_line(std::string_view text, PurchaseLine& out) {
  if (text.size() >= kMaxLastLineBytes) return 0;
  char copy[kMaxLastLineBytes + 1];
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\n';
  if (!read_line(copy, copy + text.size(), out)) return 0;
  const auto id_offset = static_cast<std::size_t>(out.customer_id.data() - copy);
  out.customer_id = text.substr(id_offset, out.customer_id.size());  // back into the caller's text
  return text.size();
}

}  // namespace

std::size_t read_plain_cdnow_line(std::string_view text, bool text_ends_file, PurchaseLine& out) {
  const void* found = std::memchr(text.data(), '\n', text.size());
  if (found == nullptr) return text_ends_file ? read_last_line(text, out) : 0;
  const auto* newline = static_cast<const char*>(found);
  return read_line(text.data(), newline, out) ? static_cast<std::size_t>(newline - text.data()) + 1 : 0;
}

}  // namespace patron::analytics::detail
