#pragma once
// The campaign report's 95 % intervals: Welch's interval for a difference of
// means (revenue per customer, treatment minus control) and Newcombe's hybrid
// score interval (his method 10) for a difference of proportions, built on
// Wilson's score interval for each.
#include <cstdint>
#include <optional>

namespace patron::offers {

struct Interval {
  double low = 0, high = 0;
};

// Mean and variance by Welford's update: one pass, numerically stable.
class Moments {
 public:
  void add(double x);
  std::int64_t count() const { return n_; }
  double mean() const { return mean_; }
  double sample_variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0.0; }

 private:
  std::int64_t n_ = 0;
  double mean_ = 0, m2_ = 0;
};

// Treatment minus control; nullopt when either arm has fewer than two values.
std::optional<Interval> welch_interval(const Moments& treatment, const Moments& control, double confidence = 0.95);

// Wilson's score interval for successes out of n; nullopt when n is 0.
std::optional<Interval> wilson_interval(std::int64_t successes, std::int64_t n, double confidence = 0.95);

// p1 - p2 with Newcombe's hybrid score interval; nullopt when either n is 0.
std::optional<Interval> newcombe_interval(std::int64_t successes1, std::int64_t n1, std::int64_t successes2,
                                          std::int64_t n2, double confidence = 0.95);

}  // namespace patron::offers
