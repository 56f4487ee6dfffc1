#pragma once
// The CDNOW sample as the tests use it, loaded once per test binary: the two
// published summaries and the summary computed from the raw purchases.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analytics/customer_summary.h"
#include "analytics/sufficient_statistics.h"
#include "analytics/summary_file.h"
#include "analytics/transaction_file.h"
#include "test_data.h"

namespace patron::analytics::testing {

// The value of a read or a fit the tests cannot go on without.
template <typename T>
T value_or_throw(Result<T> result) {
  if (!result.ok()) throw std::runtime_error(result.error().message);
  return std::move(result).value();
}

inline SummaryTable load_published_summary(const std::string& name) {
  auto input = open_or_fail(shared_data("cdnow/" + name));
  return value_or_throw(read_summary(input));
}

inline const TransactionTable& cdnow_sample_purchases() {
  static const TransactionTable table = [] {
    auto input = open_or_fail(shared_data("cdnow/CDNOW_sample.txt"));
    ReadReport report;
    return value_or_throw(read_transactions(input, TransactionFormat::cdnow, report));
  }();
  return table;
}

inline const CustomerSummary& cdnow_summary_from_purchases() {
  static const CustomerSummary summary = [] {
    const TransactionTable& table = cdnow_sample_purchases();
    return summarize(table.purchases, table.customer_count(), {day_from_civil(1997, 9, 30), Period::weeks, 100.0});
  }();
  return summary;
}

// The published CDNOW summary grouped by (x, t_x, T), as the model fits take it.
inline const BtydGroups& cdnow_groups() {
  static const BtydGroups groups = [] {
    const auto table = load_published_summary("cdnow_customers_summary.csv");
    return group_by_sufficient_statistics(table.summary.frequency, table.summary.recency, table.summary.age);
  }();
  return groups;
}

// Within `tolerance`, relative to the expected value when it is above 1, absolute below.
inline bool close(double actual, double expected, double tolerance) {
  return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

}  // namespace patron::analytics::testing
