#pragma once
// Events and feedback as JSON text: the RocksDB adapter's stored form, and the
// shape the export endpoint can reuse. Field names follow the API contract
// (occurred_at, received_at, created_at hold ms since epoch UTC here).
#include <string>
#include <string_view>

#include "domain/result.h"
#include "storage/documents/document_store.h"

namespace patron::documents {

std::string event_to_json(const Event& event);
// ErrorCode::internal when the text is not a stored event (corruption).
Result<Event> event_from_json(std::string_view text);

std::string feedback_to_json(const Feedback& feedback);
Result<Feedback> feedback_from_json(std::string_view text);

}  // namespace patron::documents
