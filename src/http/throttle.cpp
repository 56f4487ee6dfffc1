#include "http/throttle.h"

namespace patron::http {

std::int64_t LoginThrottle::wait_for(std::deque<std::int64_t>& times, int limit, std::int64_t window,
                                     std::int64_t now) {
  while (!times.empty() && times.front() <= now - window) times.pop_front();
  if (static_cast<int>(times.size()) < limit) return 0;
  return times.front() + window - now;
}

std::int64_t LoginThrottle::admit(const std::string& account, const std::string& address, std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (failures_.size() > max_tracked_keys) failures_.clear();
  if (attempts_.size() > max_tracked_keys) attempts_.clear();
  auto& attempts = attempts_[address];
  if (auto wait = wait_for(attempts, max_attempts_per_address, address_window_seconds, now); wait > 0) return wait;
  attempts.push_back(now);
  return wait_for(failures_[account], max_failures_per_account, throttle_window_seconds, now);
}

void LoginThrottle::record_failure(const std::string& account, std::int64_t now) {
  std::lock_guard lock(mutex_);
  failures_[account].push_back(now);
}

void LoginThrottle::record_success(const std::string& account) {
  std::lock_guard lock(mutex_);
  failures_.erase(account);
}

}  // namespace patron::http
