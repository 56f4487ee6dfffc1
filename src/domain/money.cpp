#include "domain/money.h"

#include <array>

namespace patron {

std::int64_t minor_units_per_major(std::string_view currency) {
  static constexpr std::array<std::string_view, 9> zero_decimal = {"JPY", "KRW", "VND", "CLP", "ISK",
                                                                   "UGX", "XAF", "XOF", "PYG"};
  static constexpr std::array<std::string_view, 5> three_decimal = {"KWD", "BHD", "OMR", "JOD", "TND"};
  for (auto code : zero_decimal) {
    if (code == currency) return 1;
  }
  for (auto code : three_decimal) {
    if (code == currency) return 1000;
  }
  return 100;
}

bool is_valid_currency_code(std::string_view currency) {
  if (currency.size() != 3) return false;
  for (char c : currency) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace patron
