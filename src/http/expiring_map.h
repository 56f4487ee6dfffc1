#pragma once
// A bounded, thread-safe map whose entries expire `ttl` after they were
// stored: the API keys and account statuses the server has looked up. A load
// that raced with a forget is never stored: take generation() before reading
// the database and pass it to store(); every forget bumps it.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace patron::http {

template <typename Value>
class ExpiringMap {
 public:
  ExpiringMap(std::chrono::milliseconds ttl, std::size_t max_entries) : ttl_(ttl), max_entries_(max_entries) {}

  std::optional<Value> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    if (Clock::now() - it->second.stored_at >= ttl_) {
      entries_.erase(it);
      return std::nullopt;
    }
    return it->second.value;
  }

  std::uint64_t generation() {
    std::lock_guard lock(mutex_);
    return generation_;
  }

  // Full: everything goes (the bound matters, not which entries survive).
  void store(const std::string& key, Value value, std::uint64_t generation_before_load) {
    std::lock_guard lock(mutex_);
    if (generation_before_load != generation_) return;
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_.insert_or_assign(key, Entry{std::move(value), Clock::now()});
  }

  void forget(const std::string& key) {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
    ++generation_;
  }

  void clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
    ++generation_;
  }

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    Value value;
    Clock::time_point stored_at;
  };
  const std::chrono::milliseconds ttl_;
  const std::size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t generation_ = 0;
};

}  // namespace patron::http
