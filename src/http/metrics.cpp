#include "http/metrics.h"

#include <fmt/format.h>

namespace patron::http {

void Metrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
  const auto route_labels = fmt::format("method=\"{}\",route=\"{}\"", method, route.empty() ? "unmatched" : route);
  std::lock_guard lock(mutex_);
  requests_[fmt::format("{},status=\"{}\"", route_labels, status)] += 1;
  auto& series = latency_[route_labels];
  series.count += 1;
  series.sum_seconds += seconds;
  for (std::size_t i = 0; i < bucket_bounds.size(); ++i) {
    if (seconds <= bucket_bounds[i]) series.buckets[i] += 1;
  }
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out = "# HELP patron_http_requests_total HTTP requests by route and status.\n"
                    "# TYPE patron_http_requests_total counter\n";
  for (const auto& [labels, count] : requests_) out += fmt::format("patron_http_requests_total{{{}}} {}\n", labels, count);
  out += "# HELP patron_http_request_duration_seconds Request latency.\n"
         "# TYPE patron_http_request_duration_seconds histogram\n";
  for (const auto& [labels, series] : latency_) {
    for (std::size_t i = 0; i < bucket_bounds.size(); ++i) {
      out += fmt::format("patron_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels, bucket_bounds[i],
                         series.buckets[i]);
    }
    out += fmt::format("patron_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, series.count);
    out += fmt::format("patron_http_request_duration_seconds_sum{{{}}} {}\n", labels, series.sum_seconds);
    out += fmt::format("patron_http_request_duration_seconds_count{{{}}} {}\n", labels, series.count);
  }
  return out;
}

}  // namespace patron::http
