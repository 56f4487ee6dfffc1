#pragma once
// Key layouts of the RocksDB adapter, pure so they are tested on their own.
//
// Integers are big-endian so bytewise order is numeric order; ids are
// length-prefixed (one byte, ids are at most kMaxIdBytes) so the prefix of
// customer "ab" never matches the keys of customer "abc".
//
//   events                 [len][customer][occurred_ms][seq]   -> event JSON
//   events_by_time         [occurred_ms][seq]                  -> event JSON (a copy: analytics
//                                                                 stream by time without random reads)
//   preferences            [customer]                          -> JSON object text
//   feedback               [id]                                -> feedback JSON
//   feedback_by_customer   [len][customer][created_ms][id]     -> (empty)
//   feedback_by_product    [len][sku][created_ms][id]          -> (empty)
//   feedback_by_time       [created_ms][id]                    -> (empty)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace patron::documents::rocks {

inline constexpr std::size_t kTimeBytes = 8;
inline constexpr std::size_t kSeqBytes = 8;

void append_u64(std::string& out, std::uint64_t value);
std::optional<std::uint64_t> read_u64(std::string_view bytes);  // first 8 bytes
// Timestamps flip the sign bit so a negative value (never stored, but
// defensive) still sorts before positive ones.
void append_time(std::string& out, std::int64_t at_ms);
std::optional<std::int64_t> read_time(std::string_view bytes);

std::string owner_prefix(std::string_view owner_id);  // [len][id]
std::string event_key(std::string_view customer_id, std::int64_t occurred_at_ms, std::uint64_t seq);
std::string event_time_key(std::int64_t occurred_at_ms, std::uint64_t seq);
std::string feedback_index_key(std::string_view owner_id, std::int64_t created_at_ms, std::string_view feedback_id);
std::string feedback_time_key(std::int64_t created_at_ms, std::string_view feedback_id);

// The (time, tiebreak) tail of a key after `prefix_bytes` of owner prefix;
// tiebreak is the raw seq bytes for events and the id for feedback.
struct KeyTail {
  std::int64_t time_ms = 0;
  std::string tiebreak;
};
std::optional<KeyTail> split_tail(std::string_view key, std::size_t prefix_bytes);

}  // namespace patron::documents::rocks
