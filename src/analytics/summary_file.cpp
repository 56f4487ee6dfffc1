#include "analytics/summary_file.h"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include "analytics/csv.h"

namespace patron::analytics {
namespace {

// Column aliases: lifetimes' name first, Hardie's second.
constexpr std::array<std::array<std::string_view, 2>, 4> kColumns{{
    {"frequency", "x"}, {"recency", "t_x"}, {"T", "T"}, {"monetary_value", "zbar"}}};
constexpr std::size_t kSpendColumn = 3;

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

Error row_error(std::size_t line, const std::string& text) {
  return Error::validation("line " + std::to_string(line), text);
}

}  // namespace

Result<SummaryTable> read_summary(std::istream& input) {
  std::string line, scratch;
  std::vector<std::string_view> fields;
  if (!std::getline(input, line)) return Error::validation("header", "empty summary file");
  split_csv_line(line, fields, scratch);
  std::array<std::optional<std::size_t>, kColumns.size()> column;
  for (std::size_t f = 0; f < fields.size(); ++f) {
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      if (trim(fields[f]) == kColumns[k][0] || trim(fields[f]) == kColumns[k][1]) column[k] = f;
    }
  }
  if (!column[0] || !column[1] || !column[2]) {
    return Error::validation("header", "expected ID,frequency,recency,T[,monetary_value] or ID,x,t_x,T,zbar");
  }
  SummaryTable table;
  table.summary.has_spend = column[kSpendColumn].has_value();
  std::size_t line_number = 1;
  while (std::getline(input, line)) {
    ++line_number;
    if (trim(line).empty()) continue;
    split_csv_line(line, fields, scratch);
    std::array<double, kColumns.size()> value{0, 0, 0, 0};
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      if (!column[k]) continue;
      if (*column[k] >= fields.size()) return row_error(line_number, "missing column");
      const auto number = parse_number(fields[*column[k]]);
      if (!number) return row_error(line_number, "not a number: " + std::string(fields[*column[k]]));
      value[k] = *number;
    }
    const double x = value[0], t_x = value[1], t = value[2];
    if (x < 0 || x != std::floor(x) || t_x < 0 || t_x > t) {
      return row_error(line_number, "need integer frequency >= 0 and 0 <= recency <= T");
    }
    const auto row = static_cast<std::uint32_t>(table.customer_ids.size());
    table.summary.push_back(row, static_cast<std::uint32_t>(x), t_x, t, value[kSpendColumn]);
    table.customer_ids.emplace_back(trim(fields[0]));
  }
  return table;
}

}  // namespace patron::analytics
