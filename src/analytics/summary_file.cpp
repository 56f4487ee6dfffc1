#include "analytics/summary_file.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>

#include "analytics/csv.h"
#include "analytics/text_lines.h"

namespace patron::analytics {
namespace {

enum Column : std::size_t { kId, kFrequency, kRecency, kAge, kSpend, kColumnCount };

struct ColumnName {
  std::array<std::string_view, 3> aliases;
  bool case_sensitive;  // T must not match t
};

// The first alias is the name errors use.
constexpr std::array<ColumnName, kColumnCount> kNames{{
    {{"ID", "customer_id", ""}, false},
    {{"frequency", "x", ""}, false},
    {{"recency", "t_x", ""}, false},
    {{"T", "", ""}, true},
    {{"monetary_value", "zbar", ""}, false},
}};

bool same_name(std::string_view header, std::string_view alias, bool case_sensitive) {
  if (alias.empty() || header.size() != alias.size()) return false;
  if (case_sensitive) return header == alias;
  return std::equal(header.begin(), header.end(), alias.begin(), [](char l, char r) {
    return std::tolower(static_cast<unsigned char>(l)) == std::tolower(static_cast<unsigned char>(r));
  });
}

using Columns = std::array<std::optional<std::size_t>, kColumnCount>;

Result<Columns> find_columns(const std::vector<std::string_view>& header) {
  Columns column;
  for (std::size_t f = 0; f < header.size(); ++f) {
    const std::string_view name = trim(header[f]);
    for (std::size_t k = 0; k < kColumnCount; ++k) {
      const bool match = std::any_of(kNames[k].aliases.begin(), kNames[k].aliases.end(),
                                     [&](auto alias) { return same_name(name, alias, kNames[k].case_sensitive); });
      if (!match) continue;
      if (column[k]) return Error::validation(std::string(kNames[k].aliases[0]), "two columns for " + std::string(name));
      column[k] = f;
    }
  }
  if (!column[kId] && !header.empty() && trim(header[0]).empty()) column[kId] = 0;  // pandas' index
  const char* expected = "expected a header such as ID,frequency,recency,T[,monetary_value] or ID,x,t_x,T,zbar";
  for (const Column k : {kId, kFrequency, kRecency, kAge}) {
    if (!column[k]) {
      return Error::validation(std::string(kNames[k].aliases[0]),
                               "no " + std::string(kNames[k].aliases[0]) + " column: " + expected);
    }
  }
  return column;
}

class RowReader {
 public:
  RowReader(const Columns& column, SummaryTable& table) : column_(column), table_(table) {
    table_.summary.has_spend = column[kSpend].has_value();
  }

  std::optional<Error> add(const std::vector<std::string_view>& fields, std::size_t line) {
    std::array<double, kColumnCount> value{};
    for (const Column k : {kFrequency, kRecency, kAge, kSpend}) {
      if (!column_[k]) continue;
      if (*column_[k] >= fields.size()) return error(k, line, "is missing");
      const std::string_view text = trim(fields[*column_[k]]);
      if (k == kSpend && text.empty()) {
        value[k] = std::nan("");  // checked against the frequency below
        continue;
      }
      const auto number = parse_decimal(text);
      if (!number) return error(k, line, "is not a number: '" + std::string(text) + "'");
      value[k] = *number;
    }
    const double x = value[kFrequency], t_x = value[kRecency], t = value[kAge];
    if (x < 0 || x != std::floor(x) || x > kMaxSummaryFrequency) {
      return error(kFrequency, line, "must be a whole number from 0 to 1000000");
    }
    if (!(t >= 0 && t <= kMaxSummaryAge)) return error(kAge, line, "must be from 0 to 1000000 periods");
    if (t_x < 0 || t_x > t) return error(kRecency, line, "must be from 0 to T");
    if (x == 0 && t_x != 0) return error(kRecency, line, "must be 0 when frequency is 0");
    double spend = value[kSpend];
    if (column_[kSpend]) {
      if (std::isnan(spend) && x > 0) return error(kSpend, line, "is empty for a customer with repeat purchases");
      if (std::isnan(spend) || x == 0) spend = 0;
      if (x > 0 && !(spend > 0 && spend <= kMaxSummarySpend)) {
        return error(kSpend, line, "must be above 0 (and at most 1e12) for a customer with repeat purchases");
      }
    }
    const std::string_view id = trim(fields[*column_[kId]]);
    if (id.empty()) return error(kId, line, "is empty");
    const auto row = static_cast<std::uint32_t>(table_.customer_ids.size());
    table_.summary.push_back(row, static_cast<std::uint32_t>(x), t_x, t, spend);
    table_.customer_ids.emplace_back(id);
    return std::nullopt;
  }

 private:
  static Error error(Column k, std::size_t line, const std::string& text) {
    const std::string name(kNames[k].aliases[0]);
    return Error::validation(name, "line " + std::to_string(line) + ": " + name + " " + text);
  }
  const Columns& column_;
  SummaryTable& table_;
};

}  // namespace

Result<SummaryTable> read_summary(std::istream& input) {
  const std::string text = read_all(input);
  LineCursor lines(text);
  std::string_view line;
  std::string scratch;
  std::vector<std::string_view> fields;
  if (!lines.next(line) || trim(line).empty()) return Error::validation("header", "the summary file is empty");
  split_csv_line(line, fields, scratch);
  auto column = find_columns(fields);
  if (!column.ok()) return column.error();
  SummaryTable table;
  RowReader reader(*column, table);
  while (lines.next(line)) {
    if (trim(line).empty()) continue;
    if (table.customer_ids.size() >= kMaxSummaryRows) {
      return Error::validation("rows", "more than 50,000,000 customers in one summary");
    }
    split_csv_line(line, fields, scratch);
    if (auto error = reader.add(fields, lines.line_number())) return *error;
  }
  if (table.customer_ids.empty()) return Error::validation("rows", "the summary has a header but no customers");
  if (const auto row = first_duplicate(table.customer_ids)) {
    return Error::validation("ID", "customer id '" + table.customer_ids[*row] + "' appears twice (second time on row " +
                                       std::to_string(*row + 1) + " after the header)");
  }
  return table;
}

}  // namespace patron::analytics
