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

inline SummaryTable load_published_summary(const std::string& name) {
  auto input = open_or_fail(shared_data("cdnow/" + name));
  auto table = read_summary(input);
  if (!table.ok()) throw std::runtime_error(table.error().message);
  return std::move(table).value();
}

inline const TransactionTable& cdnow_sample_purchases() {
  static const TransactionTable table = [] {
    auto input = open_or_fail(shared_data("cdnow/CDNOW_sample.txt"));
    ReadReport report;
    auto read = read_transactions(input, TransactionFormat::cdnow, report);
    if (!read.ok()) throw std::runtime_error(read.error().message);
    return std::move(read).value();
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
