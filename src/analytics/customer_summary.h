#pragma once
// The buy-till-you-die summary of each customer's calibration history, with
// the definitions of Fader, Hardie & Lee (2005), also used by lifetimes:
//   frequency x  = number of repeat purchase periods: distinct purchase days
//                  after the first one (same-day purchases are one purchase);
//   recency t_x  = time from the first to the last purchase;
//   age T        = time from the first purchase to the calibration end;
//   mean repeat spend = mean value of the repeat purchase days (first excluded).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analytics/calendar.h"
#include "analytics/transactions.h"

namespace patron::analytics {

enum class Period { days, weeks };

double days_per_period(Period period);

struct SummaryOptions {
  Day calibration_end = 0;  // purchases after this day are ignored
  Period period = Period::weeks;
  double minor_per_major = 100.0;  // spend is reported in major units (dollars)
};

struct CustomerSummary {
  std::vector<std::uint32_t> customer_index;  // row -> TransactionTable::customer_ids
  std::vector<std::uint32_t> frequency;
  std::vector<double> recency;            // periods
  std::vector<double> age;                // T, periods
  std::vector<double> mean_repeat_spend;  // major units, 0 when frequency is 0
  bool has_spend = false;

  std::size_t size() const { return frequency.size(); }
  void push_back(std::uint32_t customer, std::uint32_t x, double t_x, double t, double spend) {
    customer_index.push_back(customer);
    frequency.push_back(x);
    recency.push_back(t_x);
    age.push_back(t);
    mean_repeat_spend.push_back(spend);
  }
};

// Customers whose first purchase is after the calibration end get no row.
CustomerSummary summarize(const TransactionColumns& purchases, std::size_t customer_count,
                          const SummaryOptions& options);

}  // namespace patron::analytics
