#include "analytics/cdnow_line.h"

#include <cstdint>

#include "analytics/calendar.h"

namespace patron::analytics::detail {
namespace {

constexpr std::int64_t kMaxPlainQuantity = 1'000'000'000;  // as the general parser's bound
constexpr std::size_t kMaxQuantityDigits = 10;
constexpr std::size_t kMaxMajorDigits = 15;  // below the general parser's 1e15 ceiling
constexpr std::size_t kMaxCentDigits = 2;

bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }
bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// A cursor over one line; every read stops at the end of the text.
struct Cursor {
  const char* at;
  const char* end;

  bool done() const { return at == end || *at == '\n'; }
  void skip_blanks() {
    while (at != end && is_blank(*at)) ++at;
  }
  // Digits as a number, between 1 and max_digits of them.
  bool digits(std::size_t max_digits, std::int64_t& value) {
    const char* start = at;
    value = 0;
    while (at != end && is_digit(*at) && static_cast<std::size_t>(at - start) < max_digits) {
      value = value * 10 + (*at++ - '0');
    }
    return at != start && (at == end || !is_digit(*at));
  }
  // The field ends at a blank, or at the line's end when it is the last.
  bool field_ends(bool last) const { return at == end ? last : is_blank(*at) || (last && *at == '\n'); }
};

bool read_date(Cursor& line, Day& day) {
  const char* start = line.at;
  std::int64_t value = 0;
  if (!line.digits(8, value) || line.at - start != 8 || !line.field_ends(false)) return false;
  const auto year = static_cast<int>(value / 10000);
  const auto month = static_cast<unsigned>(value / 100 % 100);
  const auto day_of_month = static_cast<unsigned>(value % 100);
  if (month < 1 || month > 12 || day_of_month < 1) return false;
  if (day_of_month > 28) {  // let the calendar say whether the month has it
    const auto checked = parse_date(std::string_view(start, 8));
    if (!checked) return false;
    day = *checked;
    return true;
  }
  day = day_from_civil(year, month, day_of_month);
  return true;
}

bool read_dollars(Cursor& line, std::int64_t& minor) {
  std::int64_t major = 0;
  if (!line.digits(kMaxMajorDigits, major)) return false;
  std::int64_t cents = 0;
  if (line.at != line.end && *line.at == '.') {
    ++line.at;
    const char* start = line.at;
    if (line.at != line.end && is_digit(*line.at) && !line.digits(kMaxCentDigits, cents)) return false;
    if (line.at - start == 1) cents *= 10;
  }
  minor = major * 100 + cents;
  return line.field_ends(true);
}

}  // namespace

std::size_t read_plain_cdnow_line(std::string_view text, bool text_ends_file, PurchaseLine& out) {
  Cursor line{text.data(), text.data() + text.size()};
  line.skip_blanks();
  const char* id = line.at;
  while (line.at != line.end && !is_blank(*line.at) && *line.at != '\n') ++line.at;
  if (line.at == id || line.done()) return 0;
  const std::string_view customer(id, static_cast<std::size_t>(line.at - id));
  line.skip_blanks();
  Day day = 0;
  if (!read_date(line, day)) return 0;
  line.skip_blanks();
  std::int64_t cds = 0;
  if (!line.digits(kMaxQuantityDigits, cds) || cds > kMaxPlainQuantity || !line.field_ends(false)) return 0;
  line.skip_blanks();
  std::int64_t minor = 0;
  if (!read_dollars(line, minor)) return 0;
  line.skip_blanks();
  if (line.at == line.end && !text_ends_file) return 0;  // the line may go on past this text
  if (!line.done()) return 0;                            // a fifth field: the sample's shape
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
  return static_cast<std::size_t>(line.at - text.data()) + (line.at == line.end ? 0 : 1);
}

}  // namespace patron::analytics::detail
