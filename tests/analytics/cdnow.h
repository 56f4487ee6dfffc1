#pragma once
// The CDNOW sample as the tests use it, loaded once per test binary: the two
// published summaries and the summary computed from the raw purchases.
#include <stdexcept>

#include "analytics/customer_summary.h"
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
    return summarize(table.purchases, table.customer_count(),
                     {day_from_civil(1997, 9, 30), Period::weeks, 100.0});
  }();
  return summary;
}

}  // namespace patron::analytics::testing
