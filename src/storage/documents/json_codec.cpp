#include "storage/documents/json_codec.h"

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace patron::documents {
namespace {

using nlohmann::json;

Error corrupt(const char* what) { return Error{ErrorCode::internal, std::string("corrupt stored ") + what, {}}; }

// RFC 8259 string escaping; input is valid UTF-8 (validated), copied as is.
void append_json_string(std::string& out, std::string_view value) {
  static constexpr char kHexDigits[] = "0123456789abcdef";
  out += '"';
  for (const char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += kHexDigits[(c >> 4) & 0x0F];
          out += kHexDigits[c & 0x0F];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string string_or_empty(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A stored feedback's text fields, each key named once for both directions
// (a missing one reads as empty).
constexpr std::pair<const char*, std::string Feedback::*> kFeedbackTexts[] = {
    {"id", &Feedback::id},
    {"customer_id", &Feedback::customer_id},
    {"text", &Feedback::text},
    {"product_sku", &Feedback::product_sku},
    {"store_id", &Feedback::store_id},
};

}  // namespace

// Events are the hot path (every acknowledged 202), so they are written
// directly rather than through a json object; nlohmann reads them back.
std::string event_to_json(const Event& event) {
  std::string text;
  text.reserve(96 + event.customer_id.size() + event.sku.size() + event.category.size() + event.query.size());
  text += "{\"customer_id\":";
  append_json_string(text, event.customer_id);
  text += ",\"type\":\"";
  text += to_string(event.type);
  text += "\",\"occurred_at\":";
  text += std::to_string(event.occurred_at_ms);
  text += ",\"received_at\":";
  text += std::to_string(event.received_at_ms);
  const std::pair<const char*, const std::string*> optional_fields[] = {
      {",\"sku\":", &event.sku}, {",\"category\":", &event.category}, {",\"query\":", &event.query}};
  for (const auto& [key, value] : optional_fields) {
    if (value->empty()) continue;  // events are the bulk of the store
    text += key;
    append_json_string(text, *value);
  }
  text += '}';
  return text;
}

Result<Event> event_from_json(std::string_view text) {
  const json object = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return corrupt("event");
  const auto type = parse_event_type(string_or_empty(object, "type"));
  const auto occurred = object.find("occurred_at");
  const auto received = object.find("received_at");
  if (!type || occurred == object.end() || !occurred->is_number_integer() || received == object.end() ||
      !received->is_number_integer()) {
    return corrupt("event");
  }
  Event event;
  event.customer_id = string_or_empty(object, "customer_id");
  event.type = *type;
  event.sku = string_or_empty(object, "sku");
  event.category = string_or_empty(object, "category");
  event.query = string_or_empty(object, "query");
  event.occurred_at_ms = occurred->get<std::int64_t>();
  event.received_at_ms = received->get<std::int64_t>();
  return event;
}

std::string feedback_to_json(const Feedback& feedback) {
  json object = {{"rating", feedback.rating},
                 {"tags", feedback.tags},
                 {"sentiment", feedback.sentiment},
                 {"created_at", feedback.created_at_ms}};
  for (const auto& [key, field] : kFeedbackTexts) object[key] = feedback.*field;
  return object.dump();
}

Result<Feedback> feedback_from_json(std::string_view text) {
  const json object = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return corrupt("feedback");
  const auto rating = object.find("rating");
  const auto sentiment = object.find("sentiment");
  const auto created = object.find("created_at");
  const auto tags = object.find("tags");
  if (rating == object.end() || !rating->is_number_integer() || sentiment == object.end() || !sentiment->is_number() ||
      created == object.end() || !created->is_number_integer() || tags == object.end() || !tags->is_array()) {
    return corrupt("feedback");
  }
  Feedback feedback;
  for (const auto& [key, field] : kFeedbackTexts) feedback.*field = string_or_empty(object, key);
  feedback.rating = rating->get<int>();
  for (const auto& tag : *tags) {
    if (!tag.is_string()) return corrupt("feedback");
    feedback.tags.push_back(tag.get<std::string>());
  }
  feedback.sentiment = sentiment->get<double>();
  feedback.created_at_ms = created->get<std::int64_t>();
  return feedback;
}

}  // namespace patron::documents
