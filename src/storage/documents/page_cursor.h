#pragma once
// The opaque `cursor` of paged lists. Every list is ordered by (time, tiebreak)
// where the tiebreak is whatever the adapter uses to order items of the same
// millisecond (a sequence number, a document id); the cursor names the last
// item returned, so the next page starts strictly after it and items added
// meanwhile never shift a page.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace patron::documents {

struct PageCursor {
  std::int64_t time_ms = 0;
  std::string tiebreak;  // raw bytes
};

std::string encode_cursor(const PageCursor& cursor);
// validation_failed (field "cursor") for anything encode_cursor did not make.
Result<PageCursor> decode_cursor(std::string_view text);

}  // namespace patron::documents
