#pragma once
// GET /api/v1/me bodies per customer, served from memory. An account view
// costs several queries; it changes only when a write touches the account
// (the write path invalidates those customers after COMMIT, see
// sql::ChangedAccountsScope), when the program changes (cleared), or with the
// passage of time (points expiring, the 12-month spend window: entries live
// `ttl`). A load that raced with an invalidation is never stored: each shard
// carries a version that invalidation bumps, checked again at store time.
//
// Only for a database this process writes alone (SQLite): on a database
// server another Patron instance's writes would not invalidate it.
#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace patron::http {

class MeCache {
 public:
  explicit MeCache(std::chrono::milliseconds ttl) : ttl_(ttl) {}

  bool enabled() const { return ttl_.count() > 0; }
  std::optional<std::string> find(const std::string& customer_id);
  // Read before loading from the database; pass to store().
  std::uint64_t version(const std::string& customer_id);
  void store(const std::string& customer_id, std::uint64_t version_before_load, std::string body);
  void invalidate(const std::vector<std::string>& customer_ids);
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::string body;
    Clock::time_point stored_at;
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, Entry> entries;
    std::uint64_t version = 0;
  };
  Shard& shard_of(const std::string& customer_id);

  static constexpr std::size_t max_entries_per_shard = 50'000;
  const std::chrono::milliseconds ttl_;
  std::array<Shard, 16> shards_;
};

}  // namespace patron::http
