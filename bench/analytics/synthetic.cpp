#include "synthetic.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace patron::bench {
namespace {

constexpr int kCalibrationDays = 273;    // 39 weeks
constexpr int kFirstPurchaseDays = 84;   // first purchases in the first 12 weeks
constexpr int kMaxPurchasesPerCustomer = 1000;
constexpr int kHistoryDays = 730;

}  // namespace

analytics::CustomerSummary synthetic_btyd_summary(std::size_t customers, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> rate(0.243, 1.0 / 4.414);  // per week
  std::gamma_distribution<double> beta_a(0.793, 1.0), beta_b(2.426, 1.0);
  std::uniform_int_distribution<int> first_day(0, kFirstPurchaseDays - 1);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  analytics::CustomerSummary summary;
  for (std::size_t c = 0; c < customers; ++c) {
    const double lambda = rate(rng);
    const double ga = beta_a(rng), gb = beta_b(rng);
    const double dropout = ga / (ga + gb);
    const int age_days = kCalibrationDays - first_day(rng);
    double t_weeks = 0.0;
    int last_day = 0;
    std::uint32_t x = 0;
    for (int k = 0; k < kMaxPurchasesPerCustomer && lambda > 0; ++k) {
      t_weeks += -std::log(1.0 - unit(rng)) / lambda;
      if (t_weeks * 7.0 > age_days) break;  // also ends an infinite gap (rate near 0)
      const int day = static_cast<int>(t_weeks * 7.0);
      if (day != last_day) ++x;  // same-day purchases are one purchase
      last_day = day;
      if (unit(rng) < dropout) break;
    }
    summary.push_back(static_cast<std::uint32_t>(c), x, last_day / 7.0, age_days / 7.0, 0.0);
  }
  return summary;
}

analytics::TransactionColumns synthetic_purchases(std::size_t customers, std::size_t purchases,
                                                  std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  // Skew: customer = floor(customers * u^2) puts more purchases on low ids;
  // the ids are then scattered so heavy buyers are not adjacent in memory.
  analytics::TransactionColumns columns;
  columns.reserve(purchases);
  const std::uint64_t scatter = 2654435761u;  // prime: a bijection unless it divides the count
  for (std::size_t row = 0; row < purchases; ++row) {
    const std::uint64_t bits = rng();
    const double u = static_cast<double>(bits >> 11) * 0x1.0p-53;
    const auto skewed = static_cast<std::uint64_t>(u * u * static_cast<double>(customers));
    const auto customer = static_cast<std::uint32_t>((skewed * scatter) % customers);
    const auto day = static_cast<analytics::Day>(10957 + row * kHistoryDays / purchases);  // from 2000-01-01
    const std::int64_t amount = 100 + static_cast<std::int64_t>(bits & 0x3fff);
    columns.push_back(customer, day, amount);
  }
  return columns;
}

}  // namespace patron::bench
