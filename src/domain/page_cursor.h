#pragma once
// The cursors of paged lists, each parsed and checked in this one place. A
// cursor is opaque to clients: they pass back the `next_cursor` a page gave
// them, and anything else is refused as a validation error on "cursor".
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace patron {

// Pages: the API contract says limit 1-200, default 50, for every list.
inline constexpr std::size_t kDefaultPageLimit = 50;
inline constexpr std::size_t kMaxPageLimit = 200;

// Lists ordered newest first by (time, id): "epoch_seconds:id", the time and
// id of the last item on the previous page. The empty cursor is the first page.
struct TimeCursor {
  static constexpr std::size_t kMaxIdLength = 64;
  static constexpr std::size_t kMaxTimeDigits = 18;  // below 2^63

  std::int64_t before_at = std::numeric_limits<std::int64_t>::max();
  std::string before_id;

  static Result<TimeCursor> parse(std::string_view text);
  // The cursor of the page after one ending with the item (at, id).
  static std::string after(std::int64_t at, std::string_view id);
};

// The points ledger, ordered newest first by sequence number: the sequence of
// the last entry on the previous page. Empty: the first page.
struct SequenceCursor {
  std::optional<std::int64_t> before;

  static Result<SequenceCursor> parse(std::string_view text);
  static std::string after(std::int64_t sequence) { return std::to_string(sequence); }
};

// Lists ordered by id (customers, API keys, campaigns, catalog items, shop
// products): the id of the last item on the previous page. Empty: the first page.
struct IdCursor {
  static constexpr std::size_t kMaxIdLength = 64;

  std::string after_id;

  static Result<IdCursor> parse(std::string_view text);
};

}  // namespace patron
