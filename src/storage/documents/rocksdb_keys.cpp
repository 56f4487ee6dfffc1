#include "storage/documents/rocksdb_keys.h"

#include <cassert>

#include "storage/documents/limits.h"

namespace patron::documents::rocks {
namespace {

constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;

}  // namespace

void append_u64(std::string& out, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

std::optional<std::uint64_t> read_u64(std::string_view bytes) {
  if (bytes.size() < 8) return std::nullopt;
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return value;
}

void append_time(std::string& out, std::int64_t at_ms) { append_u64(out, static_cast<std::uint64_t>(at_ms) ^ kSignBit); }

std::optional<std::int64_t> read_time(std::string_view bytes) {
  const auto raw = read_u64(bytes);
  if (!raw) return std::nullopt;
  return static_cast<std::int64_t>(*raw ^ kSignBit);
}

std::string owner_prefix(std::string_view owner_id) {
  assert(owner_id.size() <= kMaxIdBytes);  // validation runs before any key is built
  std::string key;
  key.reserve(1 + owner_id.size() + kTimeBytes + kSeqBytes);
  key.push_back(static_cast<char>(owner_id.size()));
  key.append(owner_id);
  return key;
}

std::string event_key(std::string_view customer_id, std::int64_t occurred_at_ms, std::uint64_t seq) {
  std::string key = owner_prefix(customer_id);
  append_time(key, occurred_at_ms);
  append_u64(key, seq);
  return key;
}

std::string event_time_key(std::int64_t occurred_at_ms, std::uint64_t seq) {
  std::string key;
  key.reserve(kTimeBytes + kSeqBytes);
  append_time(key, occurred_at_ms);
  append_u64(key, seq);
  return key;
}

std::string feedback_index_key(std::string_view owner_id, std::int64_t created_at_ms, std::string_view feedback_id) {
  std::string key = owner_prefix(owner_id);
  append_time(key, created_at_ms);
  key.append(feedback_id);
  return key;
}

std::string feedback_time_key(std::int64_t created_at_ms, std::string_view feedback_id) {
  std::string key;
  append_time(key, created_at_ms);
  key.append(feedback_id);
  return key;
}

std::optional<KeyTail> split_tail(std::string_view key, std::size_t prefix_bytes) {
  if (key.size() < prefix_bytes + kTimeBytes) return std::nullopt;
  const auto time_ms = read_time(key.substr(prefix_bytes));
  if (!time_ms) return std::nullopt;
  return KeyTail{*time_ms, std::string(key.substr(prefix_bytes + kTimeBytes))};
}

}  // namespace patron::documents::rocks
