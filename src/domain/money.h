#pragma once
// Money is an integer count of minor units with its ISO 4217 currency; there is
// deliberately no floating-point constructor or accessor. Exchange rates are
// integers too: nano-units of the base currency per major unit of another.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace patron {

using Points = std::int64_t;
using MinorUnits = std::int64_t;

struct Money {
  MinorUnits amount_minor = 0;
  std::string currency = "USD";
};

// An active ISO 4217 code (three upper-case letters on the standard's list).
bool is_valid_currency_code(std::string_view currency);

// The ISO 4217 minor-unit exponent: 2 for USD/EUR, 0 for JPY, 3 for KWD, 4 for
// CLF; nullopt for a code not on the list.
std::optional<int> minor_unit_exponent(std::string_view currency);

// Minor units per major unit (100 for USD/EUR, 1 for JPY, 1000 for KWD); 100
// for a code not on the list (callers validate codes first).
std::int64_t minor_units_per_major(std::string_view currency);

// An exchange rate: base-currency major units per major unit of another
// currency, in billionths (1.08 is 1'080'000'000). Bounded so that a bounded
// amount times a rate fits in 128 bits with room to spare.
using RateNano = std::int64_t;
inline constexpr RateNano rate_scale = 1'000'000'000;
inline constexpr RateNano max_rate_nano = 1'000'000 * rate_scale;  // one unit worth a million base units
inline constexpr std::size_t max_rate_text_length = 24;

// "1.08", "0.0067", "250" (up to nine decimals, greater than zero, at most
// 1,000,000) as nano-units; a validation error naming `field` otherwise.
Result<RateNano> parse_rate(std::string_view text, const std::string& field);
// The shortest decimal text of a rate ("1.08").
std::string format_rate(RateNano rate);

// An amount in `from` converted to the base currency's minor units at `rate`,
// rounded half away from zero; limit_exceeded when it does not fit 64 bits.
Result<MinorUnits> convert_minor(MinorUnits amount, std::string_view from, RateNano rate, std::string_view base);

}  // namespace patron
