#include "http/behaviour_views.h"

#include "http/body_reader.h"

namespace patron::http {
namespace {

std::string format_ms(std::int64_t ms) { return format_rfc3339(ms / 1000); }

Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

}  // namespace

Json feedback_json(const Feedback& feedback) {
  return {{"id", feedback.id},
          {"rating", feedback.rating},
          {"text", feedback.text},
          {"product_sku", optional_text(feedback.product_sku)},
          {"store_id", optional_text(feedback.store_id)},
          {"tags", feedback.tags},
          {"sentiment", feedback.sentiment},
          {"created_at", feedback.created_at_ms ? Json(format_ms(feedback.created_at_ms)) : Json(nullptr)}};
}

Json event_json(const Event& event) {
  return {{"type", to_string(event.type)},
          {"sku", optional_text(event.sku)},
          {"category", optional_text(event.category)},
          {"query", optional_text(event.query)},
          {"occurred_at", format_ms(event.occurred_at_ms)},
          {"received_at", event.received_at_ms ? Json(format_ms(event.received_at_ms)) : Json(nullptr)}};
}

Json preferences_json(const std::optional<std::string>& stored) {
  if (!stored) return Json::object();
  auto parsed = Json::parse(*stored, nullptr, false);
  return parsed.is_object() ? parsed : Json::object();
}

Error behaviour_store_missing() {
  return Error{ErrorCode::unavailable, "the behaviour store is not available; try again shortly", {}};
}

}  // namespace patron::http
