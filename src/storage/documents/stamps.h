#pragma once
// What the store fills in when the caller left it empty: the time an item was
// received and a feedback id. Kept apart so adapters stamp alike.
#include <cstdint>
#include <string>

namespace patron::documents {

std::int64_t now_ms();                  // wall clock, ms since epoch UTC
std::string new_record_id();            // 32 lowercase hex digits, 128 random bits

}  // namespace patron::documents
