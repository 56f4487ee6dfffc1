#include "http/me_cache.h"

#include <functional>

namespace patron::http {

MeCache::Shard& MeCache::shard_of(const std::string& customer_id) {
  return shards_[std::hash<std::string>{}(customer_id) % shards_.size()];
}

std::optional<std::string> MeCache::find(const std::string& customer_id) {
  if (!enabled()) return std::nullopt;
  auto& shard = shard_of(customer_id);
  std::lock_guard lock(shard.mutex);
  auto it = shard.entries.find(customer_id);
  if (it == shard.entries.end()) return std::nullopt;
  if (Clock::now() - it->second.stored_at >= ttl_) {
    shard.entries.erase(it);
    return std::nullopt;
  }
  return it->second.body;
}

std::uint64_t MeCache::version(const std::string& customer_id) {
  auto& shard = shard_of(customer_id);
  std::lock_guard lock(shard.mutex);
  return shard.version;
}

void MeCache::store(const std::string& customer_id, std::uint64_t version_before_load, std::string body) {
  if (!enabled()) return;
  auto& shard = shard_of(customer_id);
  std::lock_guard lock(shard.mutex);
  if (shard.version != version_before_load) return;  // a write committed meanwhile: this body may be stale
  if (shard.entries.size() >= max_entries_per_shard) shard.entries.clear();
  shard.entries.insert_or_assign(customer_id, Entry{std::move(body), Clock::now()});
}

void MeCache::invalidate(const std::vector<std::string>& customer_ids) {
  for (const auto& id : customer_ids) {
    auto& shard = shard_of(id);
    std::lock_guard lock(shard.mutex);
    ++shard.version;
    shard.entries.erase(id);
  }
}

void MeCache::clear() {
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    ++shard.version;
    shard.entries.clear();
  }
}

}  // namespace patron::http
