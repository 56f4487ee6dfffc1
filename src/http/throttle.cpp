#include "http/throttle.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace patron::http {
namespace {

// A table at its bound drops this share of its stalest keys at once, so the
// cost of making room is paid once per many insertions.
constexpr std::size_t eviction_divisor = 8;

}  // namespace

std::int64_t backoff_delay_ms(const BackoffPolicy& policy, int failures) {
  if (failures < policy.free_failures) return 0;
  std::int64_t delay = policy.first_delay_ms;
  for (int beyond = failures - policy.free_failures; beyond > 0 && delay < policy.max_delay_ms; --beyond) delay *= 2;
  return std::min(delay, policy.max_delay_ms);
}

std::int64_t throttle_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::int64_t retry_after_seconds(std::int64_t wait_ms) { return std::max<std::int64_t>(1, (wait_ms + 999) / 1000); }

void FailureBackoff::decay(Entry& entry, std::int64_t now_ms) const {
  if (policy_.forgive_one_ms <= 0 || now_ms <= entry.decayed_until_ms) return;
  const auto forgiven = (now_ms - entry.decayed_until_ms) / policy_.forgive_one_ms;
  if (forgiven == 0) return;
  entry.failures = static_cast<int>(std::max<std::int64_t>(0, entry.failures - forgiven));
  entry.decayed_until_ms += forgiven * policy_.forgive_one_ms;
}

std::int64_t FailureBackoff::wait_ms(const std::string& key, std::int64_t now_ms) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  decay(it->second, now_ms);
  const auto until = it->second.last_failure_ms + backoff_delay_ms(policy_, it->second.failures);
  return std::max<std::int64_t>(0, until - now_ms);
}

int FailureBackoff::failures(const std::string& key, std::int64_t now_ms) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  decay(it->second, now_ms);
  return it->second.failures;
}

void FailureBackoff::record_failure(const std::string& key, std::int64_t now_ms) {
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    if (entries_.size() >= max_keys_) make_room(now_ms);
    it = entries_.emplace(key, Entry{0, now_ms, now_ms}).first;
  }
  auto& entry = it->second;
  decay(entry, now_ms);
  if (entry.failures == 0) entry.decayed_until_ms = now_ms;  // forgiveness starts from the first failure
  ++entry.failures;
  entry.last_failure_ms = now_ms;
}

void FailureBackoff::forgive_one(const std::string& key) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return;
  if (--it->second.failures <= 0) entries_.erase(it);
}

void FailureBackoff::forget(const std::string& key) { entries_.erase(key); }

// Drops the keys that owe nothing any more; if the table is still full (a
// flood of distinct keys), the stalest eighth goes: those are the keys whose
// delays are the closest to running out anyway.
void FailureBackoff::make_room(std::int64_t now_ms) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    decay(it->second, now_ms);
    it = it->second.failures == 0 ? entries_.erase(it) : std::next(it);
  }
  if (entries_.size() < max_keys_) return;
  std::vector<std::int64_t> times;
  times.reserve(entries_.size());
  for (const auto& [key, entry] : entries_) times.push_back(entry.last_failure_ms);
  const auto evicted = static_cast<std::ptrdiff_t>(std::max<std::size_t>(1, times.size() / eviction_divisor));
  std::nth_element(times.begin(), times.begin() + evicted - 1, times.end());
  const auto evict_up_to = times[static_cast<std::size_t>(evicted - 1)];
  std::erase_if(entries_, [&](const auto& item) { return item.second.last_failure_ms <= evict_up_to; });
}

std::int64_t PasswordThrottle::admit(const std::string& account, const std::string& address, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  const auto pair = pair_key(account, address);
  const auto wait = std::max(per_client_.wait_ms(address, now_ms), per_pair_.wait_ms(pair, now_ms));
  if (wait > 0) return wait;
  per_client_.record_failure(address, now_ms);
  per_pair_.record_failure(pair, now_ms);
  return 0;
}

void PasswordThrottle::record_success(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  per_pair_.forget(pair_key(account, address));
  per_client_.forgive_one(address);
}

std::int64_t SignupThrottle::admit(const std::string& address, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  if (const auto wait = per_client_.wait_ms(address, now_ms); wait > 0) return wait;
  per_client_.record_failure(address, now_ms);
  return 0;
}

std::int64_t ResetThrottle::admit_client(const std::string& address, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  if (const auto wait = per_client_.wait_ms(address, now_ms); wait > 0) return wait;
  per_client_.record_failure(address, now_ms);
  return 0;
}

bool ResetThrottle::admit_address(const std::string& email, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  if (per_address_.wait_ms(email, now_ms) > 0) return false;
  per_address_.record_failure(email, now_ms);
  return true;
}

}  // namespace patron::http
