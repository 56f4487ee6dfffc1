#pragma once
// Every bound of the behaviour records (events, feedback, preferences), named
// once. The store, the services' checks and the HTTP layer all use these, so a
// request the API accepts is one the store accepts.
#include <cstddef>
#include <cstdint>

#include "domain/page_cursor.h"  // the page limits every list shares

namespace patron {

inline constexpr std::size_t kMaxEventsPerBatch = 500;
inline constexpr std::size_t kMaxPreferencesBytes = 32 * 1024;
inline constexpr std::size_t kMaxFeedbackTextChars = 4000;  // Unicode code points
inline constexpr int kMinRating = 1;
inline constexpr int kMaxRating = 5;
inline constexpr std::size_t kMaxFeedbackTags = 20;
inline constexpr std::size_t kMaxTagChars = 64;

inline constexpr std::size_t kMaxIdBytes = 128;  // customer ids, skus, store ids, feedback ids
inline constexpr std::size_t kMaxCategoryBytes = 128;
inline constexpr std::size_t kMaxSearchQueryBytes = 512;

// A customer's own events are paged more coarsely (export walks them all).
inline constexpr std::size_t kMaxEventPageLimit = 1000;

// Timestamps are ms since the Unix epoch, UTC; the range covers 1970..2200,
// which rejects seconds-vs-ms mix-ups and negative garbage.
inline constexpr std::int64_t kMinTimestampMs = 0;
inline constexpr std::int64_t kMaxTimestampMs = 7'258'118'400'000;  // 2200-01-01T00:00:00Z

}  // namespace patron
