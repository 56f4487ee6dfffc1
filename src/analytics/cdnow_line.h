#pragma once
// The common shape of a CDNOW line, read in one pass without tokenizing:
// "<id> <yyyymmdd> <cds> <dollars>" with blanks between and cents at most two
// decimals. Anything else (a sample id, a sign, an exponent, a blank line) is
// left to the general parser, so what this accepts it reads exactly as that
// parser would, and what it declines is judged there.
#include <cstddef>
#include <string_view>

#include "analytics/transaction_file.h"

namespace patron::analytics::detail {

// Reads the line at the start of `text` into `out` and returns the bytes it
// spans with its '\n', or 0 when the line is not of the plain shape or its end
// is not in `text` (a line without '\n' counts only when `text_ends_file`).
std::size_t read_plain_cdnow_line(std::string_view text, bool text_ends_file, PurchaseLine& out);

}  // namespace patron::analytics::detail
