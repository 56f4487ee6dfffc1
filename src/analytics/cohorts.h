#pragma once
// Cohort retention: customers grouped by the month of their first purchase;
// for each later month, how many of them bought again in that month.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analytics/calendar.h"
#include "analytics/transactions.h"

namespace patron::analytics {

struct Cohort {
  Month first_month = 0;
  std::uint32_t customers = 0;
  // active[k] = customers of the cohort with a purchase in month first_month + k;
  // active[0] == customers. Runs to the last month of the data.
  std::vector<std::uint32_t> active;

  double retention(std::size_t months_after) const {
    return customers == 0 ? 0.0 : static_cast<double>(active[months_after]) / customers;
  }
};

// Cohorts in month order, one per month that saw first purchases.
std::vector<Cohort> cohort_retention(const TransactionColumns& purchases, std::size_t customer_count);

}  // namespace patron::analytics
