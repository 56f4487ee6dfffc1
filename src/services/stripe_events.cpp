#include "services/stripe_events.h"

#include <nlohmann/json.hpp>

namespace patron::services {
namespace {

using Json = nlohmann::json;

std::string text_at(const Json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  auto value = it->get<std::string>();
  return value.size() <= max_stripe_id_length ? value : std::string{};
}

std::int64_t integer_at(const Json& object, const char* key) {
  if (!object.is_object()) return 0;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return 0;
  const auto value = it->get<std::int64_t>();
  return value > 0 ? value : 0;
}

// payment_intent is an id, or the expanded object holding it.
std::string payment_intent_of(const Json& object) {
  if (!object.is_object()) return {};
  auto it = object.find("payment_intent");
  if (it == object.end()) return {};
  if (it->is_string()) return text_at(object, "payment_intent");
  return text_at(*it, "id");
}

}  // namespace

Result<StripeEvent> parse_stripe_event(std::string_view body) {
  auto json = Json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return Error::validation("body", "must be a Stripe event object");
  StripeEvent event;
  event.id = text_at(json, "id");
  event.type = text_at(json, "type");
  event.created = integer_at(json, "created");
  if (event.id.empty() || event.type.empty()) return Error::validation("body", "a Stripe event needs an id and a type");
  const auto data = json.find("data");
  if (data == json.end() || !data->is_object() || !data->contains("object") || !(*data)["object"].is_object()) {
    return Error::validation("body", "a Stripe event needs data.object");
  }
  const auto& object = (*data)["object"];
  event.object_id = text_at(object, "id");
  event.payment_intent = payment_intent_of(object);
  event.payment_status = text_at(object, "payment_status");
  if (auto metadata = object.find("metadata"); metadata != object.end()) {
    event.checkout_id = text_at(*metadata, "checkout_id");
  }
  event.amount_minor = integer_at(object, "amount");
  event.amount_refunded_minor = integer_at(object, "amount_refunded");
  return event;
}

}  // namespace patron::services
