#pragma once
// Money is an integer count of minor units with its ISO 4217 currency; there is
// deliberately no floating-point constructor or accessor.
#include <cstdint>
#include <string>
#include <string_view>

namespace patron {

using Points = std::int64_t;
using MinorUnits = std::int64_t;

struct Money {
  MinorUnits amount_minor = 0;
  std::string currency = "USD";
};

// Minor units per major unit (100 for USD/EUR, 1 for JPY, 1000 for KWD).
std::int64_t minor_units_per_major(std::string_view currency);

// Three upper-case ASCII letters; the set of currencies is not hard-coded.
bool is_valid_currency_code(std::string_view currency);

}  // namespace patron
