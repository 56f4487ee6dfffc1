#pragma once
// Login throttling: failed attempts per account and all attempts per client
// address within a sliding window. In memory, per process: a restart forgets,
// which is acceptable for a throttle (not a lockout record).
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace patron::http {

inline constexpr int max_failures_per_account = 5;
inline constexpr int max_attempts_per_address = 30;
inline constexpr std::int64_t throttle_window_seconds = 15 * 60;
inline constexpr std::int64_t address_window_seconds = 60;
inline constexpr std::size_t max_tracked_keys = 100'000;

class LoginThrottle {
 public:
  // Seconds to wait, or 0 when the attempt may proceed. Counts the attempt.
  std::int64_t admit(const std::string& account, const std::string& address, std::int64_t now);
  void record_failure(const std::string& account, std::int64_t now);
  void record_success(const std::string& account);

 private:
  std::int64_t wait_for(std::deque<std::int64_t>& times, int limit, std::int64_t window, std::int64_t now);

  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<std::int64_t>> failures_;
  std::unordered_map<std::string, std::deque<std::int64_t>> attempts_;
};

}  // namespace patron::http
