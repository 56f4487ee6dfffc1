#pragma once
// The behaviour records (customer events, feedback) and the pages they come
// in, in the domain's words: the behaviour store port (storage/documents)
// keeps them, the services check and score them, the API shows them.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/behaviour_limits.h"

namespace patron {

enum class EventType : std::uint8_t { view, search, add_to_cart, remove_from_cart, wishlist, click_offer };

const char* to_string(EventType type);
std::optional<EventType> parse_event_type(std::string_view text);  // nullopt for unknown types

struct Event {
  std::string customer_id;
  EventType type = EventType::view;
  std::string sku;                  // empty when not about a product
  std::string category;             // empty when unknown
  std::string query;                // search text, empty unless type == search
  std::int64_t occurred_at_ms = 0;  // when it happened on the client, ms since epoch UTC
  std::int64_t received_at_ms = 0;  // when Patron accepted it; 0 lets the store stamp it
};

struct Feedback {
  std::string id;  // empty on add: the store assigns one
  std::string customer_id;
  int rating = 0;  // kMinRating..kMaxRating
  std::string text;
  std::string product_sku;  // empty when not about a product
  std::string store_id;     // empty when not about a store
  std::vector<std::string> tags;
  double sentiment = 0.0;          // [-1, 1], scored by analytics::SentimentScorer before add
  std::int64_t created_at_ms = 0;  // 0 lets the store stamp it
};

// Half-open [from_ms, to_ms): adjacent ranges never see an item twice.
struct TimeRange {
  std::int64_t from_ms = kMinTimestampMs;
  std::int64_t to_ms = kMaxTimestampMs;
  static TimeRange all() { return {}; }
};

// Cursor-paged lists, as the API's `?limit=&cursor=`. The cursor is opaque to
// callers: pass back next_cursor verbatim; empty means "from the start".
struct PageRequest {
  std::size_t limit = kDefaultPageLimit;
  std::string cursor;
};

// Events of one customer, oldest first.
struct EventPage {
  std::vector<Event> items;
  std::optional<std::string> next_cursor;  // nullopt on the last page
};

// Feedback, newest first (what staff and the 360° view want to see).
struct FeedbackPage {
  std::vector<Feedback> items;
  std::optional<std::string> next_cursor;
};

struct ErasedCounts {
  std::size_t events = 0;
  std::size_t feedback = 0;
  std::size_t preferences = 0;  // 0 or 1
};

}  // namespace patron
