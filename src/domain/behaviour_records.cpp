#include "domain/behaviour_records.h"

#include <array>

namespace patron {
namespace {

// Index = enum value; the wire names of the API contract.
constexpr std::array<const char*, 6> kEventTypeNames = {
    "view", "search", "add_to_cart", "remove_from_cart", "wishlist", "click_offer"};

}  // namespace

const char* to_string(EventType type) {
  const auto index = static_cast<std::size_t>(type);
  return index < kEventTypeNames.size() ? kEventTypeNames[index] : "unknown";
}

std::optional<EventType> parse_event_type(std::string_view text) {
  for (std::size_t i = 0; i < kEventTypeNames.size(); ++i) {
    if (text == kEventTypeNames[i]) return static_cast<EventType>(i);
  }
  return std::nullopt;
}

}  // namespace patron
