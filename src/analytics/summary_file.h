#pragma once
// Reads a per-customer BTYD summary, as the CDNOW files are published and as
// lifetimes writes them. Columns are found by header name, case-insensitively:
//   id:        ID, id, customer_id (or an unnamed first column, as pandas
//              writes its index)
//   frequency: frequency, x         recency: recency, t_x
//   age:       T                    spend (optional): monetary_value, zbar
// Ids must be unique. Spend may be empty where frequency is 0.
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/customer_summary.h"
#include "domain/result.h"

namespace patron::analytics {

// Bounds on what a summary may hold; beyond them the file is refused.
inline constexpr std::size_t kMaxSummaryRows = 50'000'000;
inline constexpr std::size_t kMaxSummaryBytes = std::size_t{4} << 30;
inline constexpr double kMaxSummaryFrequency = 1'000'000;
inline constexpr double kMaxSummaryAge = 1'000'000;  // periods
inline constexpr double kMaxSummarySpend = 1e12;     // major units

struct SummaryTable {
  CustomerSummary summary;  // customer_index is the row number
  std::vector<std::string> customer_ids;
};

// Errors name the column (Error::field) and the line.
Result<SummaryTable> read_summary(std::istream& input);
// The same over a file already in memory (a mapped file): no copy of the text.
Result<SummaryTable> read_summary(std::string_view text);

}  // namespace patron::analytics
