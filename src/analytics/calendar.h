#pragma once
// Dates in analytics are whole days since 1970-01-01 (UTC): an int32 column is
// a quarter of a timestamp's memory, and every analysis here works at day
// granularity (BTYD periods are days or weeks, cohorts are months).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace patron::analytics {

using Day = std::int32_t;    // days since 1970-01-01
using Month = std::int32_t;  // months since 1970-01

Day day_from_civil(int year, unsigned month, unsigned day);

// Accepts YYYY-MM-DD (optionally followed by a time, as in ISO 8601) and
// YYYYMMDD. Returns nothing for anything else or an impossible date.
std::optional<Day> parse_date(std::string_view text);

std::string format_date(Day day);  // YYYY-MM-DD
Month month_of(Day day);
std::string format_month(Month month);  // YYYY-MM

}  // namespace patron::analytics
