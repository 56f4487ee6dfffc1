#include "analytics/calendar.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace patron::analytics {
namespace {

// Fixed-width date fields are digits only (no sign, no blanks).
std::optional<int> parse_digits(std::string_view text) {
  int value = 0;
  for (const char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    value = value * 10 + (ch - '0');
  }
  return value;
}

std::chrono::year_month_day civil_of(Day day) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
}

}  // namespace

Day day_from_civil(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  return static_cast<Day>(std::chrono::sys_days{date}.time_since_epoch().count());
}

std::optional<Day> parse_date(std::string_view text) {
  std::string_view year_text, month_text, day_text;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    year_text = text.substr(0, 4), month_text = text.substr(5, 2), day_text = text.substr(8, 2);
  } else if (text.size() == 8) {
    year_text = text.substr(0, 4), month_text = text.substr(4, 2), day_text = text.substr(6, 2);
  } else {
    return std::nullopt;
  }
  const auto year = parse_digits(year_text);
  const auto month = parse_digits(month_text);
  const auto day = parse_digits(day_text);
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
  if (*day > 28) {
    const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) return std::nullopt;
  }
  return day_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

std::string format_date(Day day) {
  const auto date = civil_of(day);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

Month month_of(Day day) {
  const auto date = civil_of(day);
  return (static_cast<int>(date.year()) - 1970) * 12 + static_cast<int>(static_cast<unsigned>(date.month())) - 1;
}

std::string format_month(Month month) {
  const int year = 1970 + (month >= 0 ? month / 12 : (month - 11) / 12);
  const int month_of_year = month - (year - 1970) * 12 + 1;
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d", year, month_of_year);
  return text;
}

}  // namespace patron::analytics
