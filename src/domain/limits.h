#pragma once
// The named bounds on money and points (TigerBeetle's "a limit on
// everything"). A program sets its own limits (ProgramLimits, from the
// configuration); each is capped by a hard ceiling chosen so that no sum
// Patron computes can overflow a 64-bit integer, whatever the data:
//   - a customer's 12-month spend sums at most max_purchases_in_spend_window
//     purchases of at most ceiling_purchase_total_minor each;
//   - a balance stays within ±ceiling_points_balance, and one transaction
//     moves at most ceiling_points_per_transaction.
// Beyond a limit the request is refused with limit_exceeded and nothing is
// written.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "domain/earning.h"
#include "domain/money.h"
#include "domain/result.h"

namespace patron {

inline constexpr MinorUnits ceiling_purchase_total_minor = 1'000'000'000'000;        // 1e12 minor units
inline constexpr Points ceiling_points_per_transaction = 1'000'000'000'000;          // 1e12 points
inline constexpr Points ceiling_points_balance = 1'000'000'000'000'000;              // 1e15 points
inline constexpr std::int64_t max_purchases_in_spend_window = 1'000'000;

// What one purchase may carry at all, whatever the program's limits.
inline constexpr std::size_t max_lines_per_purchase = 500;
inline constexpr std::int64_t max_quantity_per_line = 100'000;
inline constexpr MinorUnits max_unit_price_minor = 100'000'000'000;  // 1e9 major units

static_assert(ceiling_purchase_total_minor <= std::numeric_limits<std::int64_t>::max() / max_purchases_in_spend_window,
              "a customer's qualifying spend must fit in 64 bits");
static_assert(ceiling_points_balance + ceiling_points_per_transaction < std::numeric_limits<std::int64_t>::max() / 4,
              "a balance plus one transaction must fit in 64 bits with room to spare");

struct ProgramLimits {
  MinorUnits max_line_total_minor = 1'000'000'000;      // 10,000,000.00 in a two-decimal base currency
  MinorUnits max_purchase_total_minor = 1'000'000'000;
  Points max_points_per_transaction = 10'000'000;
  Points max_points_balance = 1'000'000'000;
};

// Each limit is positive and within its ceiling (configuration is checked with it).
Status validate_limits(const ProgramLimits& limits);

// quantity × unit price for one line, in the base currency's minor units, or
// limit_exceeded naming `field` when it passes the line limit.
Result<MinorUnits> bounded_line_total(std::int64_t quantity, MinorUnits unit_price_minor, const ProgramLimits& limits,
                                      const std::string& field);

// The purchase's total, or limit_exceeded (field "lines[i]" or "lines").
Result<MinorUnits> bounded_purchase_total(const std::vector<PricedLine>& lines, const ProgramLimits& limits);

// The balance after a signed change of `points`, or limit_exceeded when the
// change or the resulting balance passes the program's limits.
Result<Points> bounded_balance_after(Points balance, Points points, const ProgramLimits& limits,
                                     const std::string& field);

}  // namespace patron
