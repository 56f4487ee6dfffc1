#include "storage/documents/json_codec.h"

#include <nlohmann/json.hpp>

namespace patron::documents {
namespace {

using nlohmann::json;

Error corrupt(const char* what) { return Error{ErrorCode::internal, std::string("corrupt stored ") + what, {}}; }

// Empty optional strings are left out: events are the bulk of the store.
void put_if_set(json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

std::string string_or_empty(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::string event_to_json(const Event& event) {
  json object = {{"customer_id", event.customer_id},
                 {"type", to_string(event.type)},
                 {"occurred_at", event.occurred_at_ms},
                 {"received_at", event.received_at_ms}};
  put_if_set(object, "sku", event.sku);
  put_if_set(object, "category", event.category);
  put_if_set(object, "query", event.query);
  return object.dump();
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
  const json object = {{"id", feedback.id},
                       {"customer_id", feedback.customer_id},
                       {"rating", feedback.rating},
                       {"text", feedback.text},
                       {"product_sku", feedback.product_sku},
                       {"store_id", feedback.store_id},
                       {"tags", feedback.tags},
                       {"sentiment", feedback.sentiment},
                       {"created_at", feedback.created_at_ms}};
  return object.dump();
}

Result<Feedback> feedback_from_json(std::string_view text) {
  const json object = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return corrupt("feedback");
  const auto rating = object.find("rating");
  const auto sentiment = object.find("sentiment");
  const auto created = object.find("created_at");
  const auto tags = object.find("tags");
  if (rating == object.end() || !rating->is_number_integer() || sentiment == object.end() ||
      !sentiment->is_number() || created == object.end() || !created->is_number_integer() ||
      tags == object.end() || !tags->is_array()) {
    return corrupt("feedback");
  }
  Feedback feedback;
  feedback.id = string_or_empty(object, "id");
  feedback.customer_id = string_or_empty(object, "customer_id");
  feedback.rating = rating->get<int>();
  feedback.text = string_or_empty(object, "text");
  feedback.product_sku = string_or_empty(object, "product_sku");
  feedback.store_id = string_or_empty(object, "store_id");
  for (const auto& tag : *tags) {
    if (!tag.is_string()) return corrupt("feedback");
    feedback.tags.push_back(tag.get<std::string>());
  }
  feedback.sentiment = sentiment->get<double>();
  feedback.created_at_ms = created->get<std::int64_t>();
  return feedback;
}

}  // namespace patron::documents
