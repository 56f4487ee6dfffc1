#pragma once
// Pure checks of everything the behaviour store accepts, shared by the HTTP
// layer (to answer 4xx before touching a store) and by every adapter (so a
// store never holds what the API would refuse). No I/O, no clocks.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "storage/documents/document_store.h"

namespace patron::documents {

// Number of Unicode code points in `text`, nullopt if it is not valid UTF-8.
std::optional<std::size_t> utf8_code_points(std::string_view text);

// `field_path` prefixes the reported field, e.g. "events[3]" gives "events[3].sku".
Status validate_event(const Event& event, const std::string& field_path);
// 1..kMaxEventsPerBatch valid events; the first offending one is reported.
Status validate_event_batch(std::span<const Event> events);
// A JSON object of at most kMaxPreferencesBytes (payload_too_large beyond).
Status validate_preferences(std::string_view json_object);
Status validate_feedback(const Feedback& feedback);
Status validate_customer_id(std::string_view customer_id);
Status validate_time_range(TimeRange range);
Status validate_page(const PageRequest& page, std::size_t max_limit);

}  // namespace patron::documents
