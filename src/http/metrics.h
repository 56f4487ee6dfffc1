#pragma once
// Request counters and latency histograms per route and status, rendered in
// the Prometheus text format at /metrics.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace patron::http {

class Metrics {
 public:
  void observe(const std::string& method, const std::string& route, int status, double seconds);
  std::string render() const;

 private:
  static constexpr std::array<double, 10> bucket_bounds = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                           0.05,  0.1,    0.25,  0.5,  1.0};
  struct Series {
    std::uint64_t count = 0;
    double sum_seconds = 0;
    std::array<std::uint64_t, bucket_bounds.size()> buckets{};
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> requests_;  // labels -> count
  std::map<std::string, Series> latency_;          // labels -> histogram
};

}  // namespace patron::http
