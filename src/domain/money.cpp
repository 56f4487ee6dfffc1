#include "domain/money.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace patron {
namespace {

struct CurrencyExponent {
  std::string_view code;
  int exponent;
};

// Active ISO 4217 codes (the standard's list one, 2025) with their minor-unit
// exponents, sorted by code for binary search.
constexpr CurrencyExponent iso_4217[] = {
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2}, {"AWG", 2},
    {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2}, {"BHD", 3}, {"BIF", 0}, {"BMD", 2}, {"BND", 2},
    {"BOB", 2}, {"BOV", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2}, {"BZD", 2}, {"CAD", 2},
    {"CDF", 2}, {"CHE", 2}, {"CHF", 2}, {"CHW", 2}, {"CLF", 4}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"COU", 2},
    {"CRC", 2}, {"CUC", 2}, {"CUP", 2}, {"CVE", 2}, {"CZK", 2}, {"DJF", 0}, {"DKK", 2}, {"DOP", 2}, {"DZD", 2},
    {"EGP", 2}, {"ERN", 2}, {"ETB", 2}, {"EUR", 2}, {"FJD", 2}, {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2},
    {"GIP", 2}, {"GMD", 2}, {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2}, {"HUF", 2},
    {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2}, {"ISK", 0}, {"JMD", 2}, {"JOD", 3}, {"JPY", 0},
    {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0}, {"KPW", 2}, {"KRW", 0}, {"KWD", 3}, {"KYD", 2}, {"KZT", 2},
    {"LAK", 2}, {"LBP", 2}, {"LKR", 2}, {"LRD", 2}, {"LSL", 2}, {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2},
    {"MKD", 2}, {"MMK", 2}, {"MNT", 2}, {"MOP", 2}, {"MRU", 2}, {"MUR", 2}, {"MVR", 2}, {"MWK", 2}, {"MXN", 2},
    {"MXV", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2}, {"NGN", 2}, {"NIO", 2}, {"NOK", 2}, {"NPR", 2}, {"NZD", 2},
    {"OMR", 3}, {"PAB", 2}, {"PEN", 2}, {"PGK", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2},
    {"RON", 2}, {"RSD", 2}, {"RUB", 2}, {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2},
    {"SGD", 2}, {"SHP", 2}, {"SLE", 2}, {"SLL", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2}, {"SVC", 2},
    {"SYP", 2}, {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3}, {"TOP", 2}, {"TRY", 2}, {"TTD", 2},
    {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"USN", 2}, {"UYI", 0}, {"UYU", 2}, {"UYW", 4},
    {"UZS", 2}, {"VED", 2}, {"VES", 2}, {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAF", 0}, {"XCD", 2}, {"XCG", 2},
    {"XOF", 0}, {"XPF", 0}, {"YER", 2}, {"ZAR", 2}, {"ZMW", 2}, {"ZWG", 2}, {"ZWL", 2},
};

__extension__ using Wide = __int128;

const CurrencyExponent* find_currency(std::string_view code) {
  const auto* end = std::end(iso_4217);
  const auto* it = std::lower_bound(std::begin(iso_4217), end, code,
                                    [](const CurrencyExponent& entry, std::string_view key) { return entry.code < key; });
  if (it == end || it->code != code) return nullptr;
  return it;
}

std::int64_t power_of_ten(int exponent) {
  std::int64_t value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

}  // namespace

bool is_valid_currency_code(std::string_view currency) { return find_currency(currency) != nullptr; }

std::optional<int> minor_unit_exponent(std::string_view currency) {
  const auto* found = find_currency(currency);
  if (!found) return std::nullopt;
  return found->exponent;
}

std::int64_t minor_units_per_major(std::string_view currency) {
  return power_of_ten(minor_unit_exponent(currency).value_or(2));
}

Result<RateNano> parse_rate(std::string_view text, const std::string& field) {
  const auto invalid = [&] {
    return Error::validation(field, "must be a decimal number greater than 0 and at most 1000000, with at most nine decimals");
  };
  if (text.empty() || text.size() > max_rate_text_length) return invalid();
  const auto dot = text.find('.');
  const auto whole = text.substr(0, dot);
  const auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 7 || fraction.size() > 9) return invalid();
  if (dot != std::string_view::npos && fraction.empty()) return invalid();
  RateNano rate = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return invalid();
    rate = rate * 10 + (c - '0');
  }
  rate *= rate_scale;
  RateNano place = rate_scale / 10;
  for (char c : fraction) {
    if (c < '0' || c > '9') return invalid();
    rate += (c - '0') * place;
    place /= 10;
  }
  if (rate <= 0 || rate > max_rate_nano) return invalid();
  return rate;
}

std::string format_rate(RateNano rate) {
  std::string text = std::to_string(rate / rate_scale);
  auto fraction = std::to_string(rate % rate_scale);
  fraction.insert(0, 9 - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) text += "." + fraction;
  return text;
}

Result<MinorUnits> convert_minor(MinorUnits amount, std::string_view from, RateNano rate, std::string_view base) {
  // amount / 10^from_exp major units × rate / 1e9 base major units × 10^base_exp.
  const Wide numerator = Wide(amount) * rate * minor_units_per_major(base);
  const Wide denominator = Wide(minor_units_per_major(from)) * rate_scale;
  const Wide half = denominator / 2;
  const Wide rounded = numerator >= 0 ? (numerator + half) / denominator : (numerator - half) / denominator;
  if (rounded > std::numeric_limits<MinorUnits>::max() || rounded < std::numeric_limits<MinorUnits>::min()) {
    return Error{ErrorCode::limit_exceeded, "the amount is too large to convert", {}};
  }
  return static_cast<MinorUnits>(rounded);
}

}  // namespace patron
