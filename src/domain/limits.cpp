#include "domain/limits.h"

#include "domain/checked.h"

namespace patron {
namespace {

Error limit_exceeded(std::string message, std::string field) {
  return {ErrorCode::limit_exceeded, std::move(message), std::move(field)};
}

}  // namespace

Status validate_limits(const ProgramLimits& limits) {
  if (limits.max_purchase_total_minor <= 0 || limits.max_purchase_total_minor > ceiling_purchase_total_minor) {
    return Error::validation("max_purchase_total_minor", "must be from 1 to " + std::to_string(ceiling_purchase_total_minor));
  }
  if (limits.max_line_total_minor <= 0 || limits.max_line_total_minor > limits.max_purchase_total_minor) {
    return Error::validation("max_line_total_minor", "must be from 1 to the purchase limit");
  }
  if (limits.max_points_per_transaction <= 0 || limits.max_points_per_transaction > ceiling_points_per_transaction) {
    return Error::validation("max_points_per_transaction",
                             "must be from 1 to " + std::to_string(ceiling_points_per_transaction));
  }
  if (limits.max_points_balance <= 0 || limits.max_points_balance > ceiling_points_balance) {
    return Error::validation("max_points_balance", "must be from 1 to " + std::to_string(ceiling_points_balance));
  }
  return ok_status();
}

Result<MinorUnits> bounded_line_total(std::int64_t quantity, MinorUnits unit_price_minor, const ProgramLimits& limits,
                                      const std::string& field) {
  if (quantity < 0 || unit_price_minor < 0) return Error::validation(field, "must not be negative");
  const auto total = checked_mul(quantity, unit_price_minor);
  if (!total || *total > limits.max_line_total_minor) {
    return limit_exceeded("a line may total at most " + std::to_string(limits.max_line_total_minor) +
                              " minor units of the base currency",
                          field);
  }
  return *total;
}

Result<MinorUnits> bounded_purchase_total(const std::vector<PricedLine>& lines, const ProgramLimits& limits) {
  MinorUnits total = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto line = bounded_line_total(lines[i].quantity, lines[i].unit_price_minor, limits,
                                   "lines[" + std::to_string(i) + "]");
    if (!line.ok()) return line.error();
    // Both terms are at most the purchase ceiling (1e12), so this cannot overflow.
    total += *line;
    if (total > limits.max_purchase_total_minor) {
      return limit_exceeded("a purchase may total at most " + std::to_string(limits.max_purchase_total_minor) +
                                " minor units of the base currency",
                            "lines");
    }
  }
  return total;
}

Result<Points> bounded_balance_after(Points balance, Points points, const ProgramLimits& limits,
                                     const std::string& field) {
  if (points > limits.max_points_per_transaction || points < -limits.max_points_per_transaction) {
    return limit_exceeded("one transaction may move at most " + std::to_string(limits.max_points_per_transaction) +
                              " points",
                          field);
  }
  const auto after = checked_add(balance, points);
  if (!after || *after > limits.max_points_balance || *after < -limits.max_points_balance) {
    return limit_exceeded("a balance may hold at most " + std::to_string(limits.max_points_balance) + " points",
                          field);
  }
  return *after;
}

}  // namespace patron
