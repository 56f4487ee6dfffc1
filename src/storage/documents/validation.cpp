#include "storage/documents/validation.h"

#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace patron::documents {
namespace {

std::string join_field(const std::string& prefix, const char* name) {
  return prefix.empty() ? std::string(name) : prefix + "." + name;
}

bool is_known(EventType type) {
  return static_cast<std::uint8_t>(type) <= static_cast<std::uint8_t>(EventType::click_offer);
}

bool timestamp_in_range(std::int64_t at_ms) { return at_ms >= kMinTimestampMs && at_ms < kMaxTimestampMs; }

// Optional text fields: bounded and valid UTF-8 (JSON documents must be).
// The reason, or nullopt when fine; allocates only on failure.
std::optional<std::string> text_problem(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) return "must be at most " + std::to_string(max_bytes) + " bytes";
  if (!utf8_code_points(text)) return "must be valid UTF-8";
  return std::nullopt;
}

Status check_text(std::string_view text, std::size_t max_bytes, const std::string& field) {
  if (auto problem = text_problem(text, max_bytes)) return Error::validation(field, std::move(*problem));
  return ok_status();
}

Status check_id(std::string_view id, const std::string& field) {
  if (id.empty()) return Error::validation(field, "is required");
  return check_text(id, kMaxIdBytes, field);
}

Status check_tags(const std::vector<std::string>& tags) {
  if (tags.size() > kMaxFeedbackTags) {
    return Error::validation("tags", "at most " + std::to_string(kMaxFeedbackTags) + " tags");
  }
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string field = "tags[" + std::to_string(i) + "]";
    const auto chars = utf8_code_points(tags[i]);
    if (!chars) return Error::validation(field, "must be valid UTF-8");
    if (*chars == 0 || *chars > kMaxTagChars) {
      return Error::validation(field, "must be 1-" + std::to_string(kMaxTagChars) + " characters");
    }
  }
  return ok_status();
}

}  // namespace

std::optional<std::size_t> utf8_code_points(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead < 0x80) { length = 1; code_point = lead; }
    else if ((lead & 0xE0) == 0xC0) { length = 2; code_point = lead & 0x1Fu; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; code_point = lead & 0x0Fu; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; code_point = lead & 0x07u; }
    else return std::nullopt;
    if (i + length > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      code_point = (code_point << 6) | (next & 0x3Fu);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are invalid.
    static constexpr std::uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kMinForLength[length] || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return std::nullopt;
    }
    i += length;
    ++count;
  }
  return count;
}

Status validate_customer_id(std::string_view customer_id) { return check_id(customer_id, "customer_id"); }

// Checks first, names second: the field path is only built for the error, as
// this runs for every event of every batch.
Status validate_event(const Event& event, const std::string& field_path) {
  const auto fail = [&](const char* name, std::string text) {
    return Status(Error::validation(join_field(field_path, name), std::move(text)));
  };
  if (event.customer_id.empty()) return fail("customer_id", "is required");
  if (auto problem = text_problem(event.customer_id, kMaxIdBytes)) return fail("customer_id", std::move(*problem));
  if (!is_known(event.type)) return fail("type", "unknown event type");
  if (auto problem = text_problem(event.sku, kMaxIdBytes)) return fail("sku", std::move(*problem));
  if (auto problem = text_problem(event.category, kMaxCategoryBytes)) return fail("category", std::move(*problem));
  if (auto problem = text_problem(event.query, kMaxSearchQueryBytes)) return fail("query", std::move(*problem));
  if (!timestamp_in_range(event.occurred_at_ms)) return fail("occurred_at", "must be between 1970 and 2200");
  if (event.received_at_ms != 0 && !timestamp_in_range(event.received_at_ms)) {
    return fail("received_at", "must be between 1970 and 2200");
  }
  return ok_status();
}

Status validate_event_batch(std::span<const Event> events) {
  if (events.empty()) return Error::validation("events", "must hold at least one event");
  if (events.size() > kMaxEventsPerBatch) {
    return Error::validation("events", "at most " + std::to_string(kMaxEventsPerBatch) + " events a call");
  }
  static const std::string kNoPath;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (!validate_event(events[i], kNoPath)) return validate_event(events[i], "events[" + std::to_string(i) + "]");
  }
  return ok_status();
}

Status validate_preferences(std::string_view json_object) {
  if (json_object.size() > kMaxPreferencesBytes) {
    return Error{ErrorCode::payload_too_large,
                 "preferences must be at most " + std::to_string(kMaxPreferencesBytes) + " bytes", "preferences"};
  }
  const auto document = nlohmann::json::parse(json_object, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Error::validation("preferences", "must be valid JSON");
  if (!document.is_object()) return Error::validation("preferences", "must be a JSON object");
  return ok_status();
}

Status validate_feedback(const Feedback& feedback) {
  if (!feedback.id.empty()) {
    if (auto s = check_id(feedback.id, "id"); !s) return s;
  }
  if (auto s = check_id(feedback.customer_id, "customer_id"); !s) return s;
  if (feedback.rating < kMinRating || feedback.rating > kMaxRating) {
    return Error::validation("rating", "must be an integer from 1 to 5");
  }
  const auto text_chars = utf8_code_points(feedback.text);
  if (!text_chars) return Error::validation("text", "must be valid UTF-8");
  if (*text_chars > kMaxFeedbackTextChars) {
    return Error::validation("text", "must be at most " + std::to_string(kMaxFeedbackTextChars) + " characters");
  }
  if (auto s = check_text(feedback.product_sku, kMaxIdBytes, "product_sku"); !s) return s;
  if (auto s = check_text(feedback.store_id, kMaxIdBytes, "store_id"); !s) return s;
  if (auto s = check_tags(feedback.tags); !s) return s;
  if (!std::isfinite(feedback.sentiment) || feedback.sentiment < -1.0 || feedback.sentiment > 1.0) {
    return Error::validation("sentiment", "must be in [-1, 1]");
  }
  if (feedback.created_at_ms != 0 && !timestamp_in_range(feedback.created_at_ms)) {
    return Error::validation("created_at", "must be between 1970 and 2200");
  }
  return ok_status();
}

Status validate_time_range(TimeRange range) {
  if (range.from_ms > range.to_ms) return Error::validation("from", "must not be after `to`");
  return ok_status();
}

Status validate_page(const PageRequest& page, std::size_t max_limit) {
  if (page.limit < 1 || page.limit > max_limit) {
    return Error::validation("limit", "must be from 1 to " + std::to_string(max_limit));
  }
  return ok_status();
}

}  // namespace patron::documents
