#include "analytics/summary_file.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>

#include "analytics/csv.h"
#include "analytics/parallel.h"
#include "analytics/text_lines.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kSliceBytes = 4 << 20;  // below this, one thread

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
      if (column[k])
        return Error::validation(std::string(kNames[k].aliases[0]), "two columns for " + std::string(name));
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

// A slice of the file's body read by one worker: its rows, or the first error
// with the line counted from the slice's start.
struct SliceResult {
  SummaryTable table;
  std::optional<Error> error;
  std::size_t error_line = 0;  // within the slice, 1-based
  std::size_t lines = 0;
};

// The shortest row ("1,0,0,0\n"): a slice holds at most size / this many rows.
// Reserving that many costs no memory until written, where growing by doubling
// copies every column and touches its pages twice.
constexpr std::size_t kMinSummaryLineBytes = 8;
constexpr std::size_t kMaxReservedSummaryRows = std::size_t{1} << 22;

void reserve_rows(SummaryTable& table, std::size_t rows) {
  rows = std::min(rows, kMaxReservedSummaryRows);
  auto& s = table.summary;
  s.customer_index.reserve(rows);
  s.frequency.reserve(rows);
  s.recency.reserve(rows);
  s.age.reserve(rows);
  s.mean_repeat_spend.reserve(rows);
  table.customer_ids.reserve(rows);
}

SliceResult read_slice(std::string_view body, const Columns& column) {
  SliceResult out;
  reserve_rows(out.table, body.size() / kMinSummaryLineBytes + 1);
  RowReader reader(column, out.table);
  LineCursor lines(body);
  std::string_view line;
  std::string scratch;
  std::vector<std::string_view> fields;
  while (lines.next(line)) {
    if (trim(line).empty()) continue;
    split_csv_line(line, fields, scratch);
    if (auto error = reader.add(fields, lines.line_number())) {
      out.error = std::move(error);
      out.error_line = lines.line_number();
      return out;
    }
  }
  out.lines = lines.line_number();
  return out;
}

// Slices of about kSliceBytes that end at a line end, at most kMaxWorkers.
std::vector<std::string_view> slices_of(std::string_view body, unsigned workers) {
  std::vector<std::string_view> slices;
  const std::size_t target = std::max<std::size_t>(1, body.size() / std::max(1u, workers));
  while (!body.empty()) {
    std::size_t cut = std::min(body.size(), target);
    const std::size_t newline = body.find('\n', cut == 0 ? 0 : cut - 1);
    cut = newline == std::string_view::npos ? body.size() : newline + 1;
    slices.push_back(body.substr(0, cut));
    body.remove_prefix(cut);
  }
  return slices;
}

void append(SummaryTable& to, SummaryTable&& from) {
  auto& a = to.summary;
  auto& b = from.summary;
  const auto base = static_cast<std::uint32_t>(to.customer_ids.size());
  for (const auto index : b.customer_index) a.customer_index.push_back(base + index);
  a.frequency.insert(a.frequency.end(), b.frequency.begin(), b.frequency.end());
  a.recency.insert(a.recency.end(), b.recency.begin(), b.recency.end());
  a.age.insert(a.age.end(), b.age.begin(), b.age.end());
  a.mean_repeat_spend.insert(a.mean_repeat_spend.end(), b.mean_repeat_spend.begin(), b.mean_repeat_spend.end());
  to.customer_ids.insert(to.customer_ids.end(), std::make_move_iterator(from.customer_ids.begin()),
                         std::make_move_iterator(from.customer_ids.end()));
}

// The error's line in the whole file: the header, then the slices before.
Error at_file_line(const SliceResult& failed, const std::vector<SliceResult>& results, std::size_t slice) {
  std::size_t before = 1;
  for (std::size_t k = 0; k < slice; ++k) before += results[k].lines;
  Error error = *failed.error;
  const std::string local = "line " + std::to_string(failed.error_line) + ":";
  if (error.message.rfind(local, 0) == 0) {
    error.message = "line " + std::to_string(before + failed.error_line) + ":" + error.message.substr(local.size());
  }
  return error;
}

}  // namespace

Result<SummaryTable> read_summary(std::istream& input) {
  std::string text;
  if (!read_all(input, kMaxSummaryBytes, text)) {
    return Error::validation("rows", "the summary file is larger than 4 GiB");
  }
  return read_summary(std::string_view(text));
}

Result<SummaryTable> read_summary(std::string_view text) {
  if (text.size() > kMaxSummaryBytes) return Error::validation("rows", "the summary file is larger than 4 GiB");
  LineCursor lines(text);
  std::string_view header;
  std::string scratch;
  std::vector<std::string_view> fields;
  if (!lines.next(header) || trim(header).empty()) return Error::validation("header", "the summary file is empty");
  split_csv_line(header, fields, scratch);
  auto column = find_columns(fields);
  if (!column.ok()) return column.error();
  const std::string_view body = std::string_view(text).substr(std::min(text.size(), lines.offset()));
  const auto slices = slices_of(body, workers_for(body.size(), kSliceBytes, 0));
  std::vector<SliceResult> results(slices.size());
  parallel_chunks(slices.size(), static_cast<unsigned>(slices.size()),
                  [&](std::size_t, std::size_t, unsigned k) { results[k] = read_slice(slices[k], *column); });
  SummaryTable table;
  table.summary.has_spend = column->at(kSpend).has_value();
  for (std::size_t k = 0; k < results.size(); ++k) {
    if (results[k].error) return at_file_line(results[k], results, k);
    if (k == 0) {
      table = std::move(results[k].table);  // the first slice's rows need no copy
    } else {
      append(table, std::move(results[k].table));
    }
    if (table.customer_ids.size() > kMaxSummaryRows) {
      return Error::validation("rows", "more than 50,000,000 customers in one summary");
    }
  }
  if (table.customer_ids.empty()) return Error::validation("rows", "the summary has a header but no customers");
  if (const auto row = first_duplicate(table.customer_ids)) {
    return Error::validation("ID", "customer id '" + table.customer_ids[*row] + "' appears twice (second time on row " +
                                       std::to_string(*row + 1) + " after the header)");
  }
  return table;
}

}  // namespace patron::analytics
