// Times the analytics stages against the anchors (lifetimes, mlxtend,
// pandas on this machine) and prints each figure with its ratio. Inputs are
// loaded or generated before the clock starts.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "analytics/association_rules.h"
#include "analytics/btyd.h"
#include "analytics/rfm.h"
#include "analytics/summary_file.h"
#include "synthetic.h"

namespace {

namespace an = patron::analytics;
using Clock = std::chrono::steady_clock;

const std::string kData = PATRON_SHARED_DATA_DIR;

// Median of repeated runs: robust to a neighbour's build stealing a core.
double median_ms(int repeats, const std::function<void()>& work) {
  std::vector<double> times;
  for (int k = 0; k < repeats; ++k) {
    const auto start = Clock::now();
    work();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::nth_element(times.begin(), times.begin() + repeats / 2, times.end());
  return times[repeats / 2];
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void report(const char* stage, double ms, double target_ms, double anchor_ms, const char* anchor) {
  std::printf("%-46s %9.2f ms  target %7.0f ms  %-4s  anchor %7.0f ms (%s)  %6.1fx faster\n", stage, ms,
              target_ms, ms <= target_ms ? "ok" : "OVER", anchor_ms, anchor, anchor_ms / ms);
}

template <typename T>
T must(patron::Result<T> result) {
  if (!result.ok()) {
    std::fprintf(stderr, "failed: %s\n", result.error().message.c_str());
    std::exit(1);
  }
  return std::move(result).value();
}

void bench_cdnow_fit() {
  std::ifstream input(kData + "/cdnow/cdnow_customers_summary.csv");
  const an::SummaryTable table = must(an::read_summary(input));
  an::BgNbdFit fit;
  const double ms = median_ms(51, [&] {
    const auto groups = an::group_by_sufficient_statistics(table.summary.frequency, table.summary.recency,
                                                           table.summary.age);
    fit = must(an::fit_bgnbd(groups));
  });
  report("BG/NBD fit, CDNOW 2,357 customers", ms, 6, 59, "lifetimes 0.11.3");
  std::printf("    r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.3f, %d evaluations\n", fit.params.r, fit.params.alpha,
              fit.params.a, fit.params.b, fit.log_likelihood, fit.evaluations);
}

void bench_million_customers() {
  const std::size_t customers = 1'000'000;
  const an::CustomerSummary summary = patron::bench::synthetic_btyd_summary(customers, 42);
  an::BtydOptions options;
  an::BtydReport result;
  const double ms = median_ms(3, [&] { result = must(an::analyze_btyd(summary, options)); });
  report("BG/NBD fit + P(alive) + E[purchases], 1M", ms, 900, 9200, "lifetimes 0.11.3");
  const auto& p = result.purchases.params;  // r, alpha, a, b
  std::printf("    %zu distinct (x, t_x, T); simulated with r=0.243 alpha=4.414 a=0.793 b=2.426, "
              "fitted r=%.3f alpha=%.3f a=%.3f b=%.3f, %d evaluations\n",
              result.distinct_histories, p[0], p[1], p[2], p[3], result.purchases.evaluations);
}

void bench_groceries_rules() {
  std::ifstream input(kData + "/groceries/groceries.csv");
  const an::Baskets baskets = must(an::read_baskets(input));
  std::size_t rules = 0;
  const double ms = median_ms(21, [&] { rules = an::association_rules(baskets, {0.001, 0.8, 1, 10}).size(); });
  report("FP-Growth rules, Groceries 0.001 / 0.8", ms, 60, 580, "mlxtend 0.25");
  std::printf("    %zu rules\n", rules);
}

void bench_rfm() {
  const std::size_t customers = 1'000'000, purchases = 20'000'000;
  const an::TransactionColumns columns = patron::bench::synthetic_purchases(customers, purchases, 7);
  const an::Day as_of = an::day_after_last_purchase(columns);
  std::size_t scored = 0;
  const double ms = median_ms(5, [&] { scored = an::compute_rfm(columns, customers, {as_of, 0}).size(); });
  report("RFM, 20M purchases of 1M customers", ms, 200, 1900, "pandas 1.5");
  std::printf("    %zu customers scored\n", scored);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string only = argc > 1 ? argv[1] : "";
  if (only.empty() || only == "cdnow") bench_cdnow_fit();
  if (only.empty() || only == "million") bench_million_customers();
  if (only.empty() || only == "rules") bench_groceries_rules();
  if (only.empty() || only == "rfm") bench_rfm();
  std::printf("peak RSS %.0f MB\n", peak_rss_mb());
  return 0;
}
