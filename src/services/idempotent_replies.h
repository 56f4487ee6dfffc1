#pragma once
// Idempotency-Key replies: a write repeated under the same key by the same
// principal gets the first reply back, not a second run; the same key with a
// different request is a conflict. Records are kept for `reply_retention`,
// then count as absent and are purged a slice at a time.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "domain/result.h"
#include "services/database.h"

namespace patron::services {

inline constexpr std::chrono::hours reply_retention{24};
inline constexpr std::chrono::minutes reply_purge_interval{10};
inline constexpr int reply_purge_slice = 2'000;        // rows per transaction
inline constexpr int max_reply_purge_slices = 10'000;  // per purge

// The oldest creation time (seconds) of a record still replayed at `now`.
std::int64_t replies_fresh_since(std::int64_t now);

// A keyed request: `scope` is "<principal> <method> <path>", the hash is of
// its body.
struct KeyedRequest {
  std::string scope, key, request_hash;
  std::int64_t now = 0;
};

struct KeptReply {
  int status = 0;
  std::string body;  // JSON
};

struct KeyedAnswer {
  KeptReply reply;
  bool replayed = false;  // the reply was stored by an earlier run
};

// Runs `work` in the caller's write transaction unless the key already
// answered: then the stored reply (replayed), or a conflict for a different
// request. A failed run stores nothing, so the key stays free.
Result<KeyedAnswer> answer_once(Session session, const KeyedRequest& request,
                                const std::function<Result<KeptReply>(Session)>& work);

// Deletes the expired records, a slice per transaction so that requests' writes
// are not held up. Blocks until done.
Status purge_expired_replies(Database& database, std::int64_t now);

}  // namespace patron::services
