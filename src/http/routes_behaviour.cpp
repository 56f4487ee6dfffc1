// The customer's behaviour-store routes: preferences, feedback and events.
// Bodies are checked against the same bounds the store enforces
// (storage/documents/validation.h) so bad input is a 4xx before any I/O, and
// an erased or unknown account cannot add data after its erasure.
#include "analytics/sentiment.h"
#include "http/api.h"
#include "http/behaviour_views.h"
#include "http/body_reader.h"
#include "services/catalog_facts.h"
#include "services/members.h"
#include "storage/documents/document_store.h"
#include "storage/documents/stamps.h"
#include "storage/documents/validation.h"

namespace patron::http {
namespace {

constexpr std::size_t max_preference_items = 100;
constexpr std::size_t max_preference_item_chars = 128;
const char* const list_preference_keys[] = {"favorite_categories", "favorite_brands", "channels", "dietary"};

bool account_is_active(soci::session& session, const std::string& customer_id) {
  return services::Members(session).active(customer_id).ok();
}

// Known keys hold lists of short strings; anything else is the client's own.
Status validate_known_preference_keys(const Json& document) {
  for (const char* key : list_preference_keys) {
    auto it = document.find(key);
    if (it == document.end()) continue;
    if (!it->is_array()) return Error::validation(key, "must be an array of strings");
    if (it->size() > max_preference_items) {
      return Error::validation(key, "must have at most " + std::to_string(max_preference_items) + " items");
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& item = (*it)[i];
      const auto field = std::string(key) + "[" + std::to_string(i) + "]";
      if (!item.is_string()) return Error::validation(field, "must be a string");
      if (item.get_ref<const std::string&>().size() > max_preference_item_chars) {
        return Error::validation(field, "must be at most " + std::to_string(max_preference_item_chars) + " bytes");
      }
    }
  }
  return ok_status();
}

void get_preferences(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store) return ex->fail(behaviour_store_missing());
  auto stored = store->get_preferences(ex->principal.user_id);
  if (!stored.ok()) return ex->fail(stored.error());
  ex->reply(Reply{200, stored->value_or("{}"), "application/json", {}});
}

void put_preferences(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store) return ex->fail(behaviour_store_missing());
  if (ex->body.size() > documents::kMaxPreferencesBytes) {
    return ex->fail(Error{ErrorCode::payload_too_large, "preferences must be at most 32 KiB of JSON", {}});
  }
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  if (auto valid = validate_known_preference_keys(*body); !valid.ok()) return ex->fail(valid.error());
  const auto compact = body->dump(-1, ' ', false, Json::error_handler_t::replace);
  if (auto valid = documents::validate_preferences(compact); !valid.ok()) return ex->fail(valid.error());
  bool active = false;
  api.read(ex, [&](soci::session& session) { active = account_is_active(session, ex->principal.user_id); });
  if (ex->replied()) return;
  if (!active) return ex->fail(account_not_found());
  if (auto saved = store->put_preferences(ex->principal.user_id, compact); !saved.ok()) return ex->fail(saved.error());
  ex->reply(Reply{200, compact, "application/json", {}});
}

std::vector<std::string> read_tags(BodyReader& in) {
  std::vector<std::string> tags;
  const Json* list = in.array("tags", documents::kMaxFeedbackTags, false);
  if (!list) return tags;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& tag = (*list)[i];
    if (!tag.is_string()) {
      in.fail("tags[" + std::to_string(i) + "]", "must be a string");
      break;
    }
    tags.push_back(tag.get<std::string>());
  }
  return tags;
}

void post_feedback(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store || !api.sentiment()) return ex->fail(behaviour_store_missing());
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  BodyReader in(*body);
  documents::Feedback feedback;
  feedback.customer_id = ex->principal.user_id;
  feedback.rating = static_cast<int>(in.integer("rating", documents::kMinRating, documents::kMaxRating));
  // Length is counted in code points below; the reader's byte bound only stops abuse.
  feedback.text = in.text("text", documents::kMaxFeedbackTextChars * 4);
  feedback.product_sku = in.optional_text("product_sku", documents::kMaxIdBytes).value_or("");
  feedback.store_id = in.optional_text("store_id", documents::kMaxIdBytes).value_or("");
  feedback.tags = read_tags(in);
  if (!in.ok()) return ex->fail(in.error());
  if (auto valid = documents::validate_feedback(feedback); !valid.ok()) return ex->fail(valid.error());

  std::optional<Error> refused;
  api.read(ex, [&](soci::session& session) {
    if (!account_is_active(session, feedback.customer_id)) {
      refused = account_not_found();
      return;
    }
    if (auto named = services::check_feedback_subjects(session, feedback.product_sku, feedback.store_id); !named.ok()) {
      refused = named.error();
    }
  });
  if (ex->replied()) return;
  if (refused) return ex->fail(*refused);

  feedback.sentiment = api.sentiment()->score(feedback.text);
  feedback.created_at_ms = documents::now_ms();
  auto id = store->add_feedback(feedback);
  if (!id.ok()) return ex->fail(id.error());
  feedback.id = *id;
  ex->json(201, feedback_json(feedback));
}

std::optional<documents::Event> read_event(const Json& item, const std::string& path, std::int64_t now_ms,
                                           BodyReader& outer) {
  if (!item.is_object()) {
    outer.fail(path, "must be an object");
    return std::nullopt;
  }
  BodyReader in(item, path);
  documents::Event event;
  const auto type_text = in.text("type", 32);
  if (!in.ok()) {
    outer.fail(in.error().field, in.error().message);
    return std::nullopt;
  }
  auto type = documents::parse_event_type(type_text);
  if (!type) {
    outer.fail(path + ".type", "must be one of view, search, add_to_cart, remove_from_cart, wishlist, click_offer");
    return std::nullopt;
  }
  event.type = *type;
  event.sku = in.optional_text("sku", documents::kMaxIdBytes).value_or("");
  event.category = in.optional_text("category", documents::kMaxCategoryBytes).value_or("");
  event.query = in.optional_text("query", documents::kMaxSearchQueryBytes).value_or("");
  auto occurred = in.optional_time("occurred_at");
  if (!in.ok()) {
    outer.fail(in.error().field, in.error().message);
    return std::nullopt;
  }
  event.occurred_at_ms = occurred ? *occurred * 1000 : now_ms;
  return event;
}

void post_events(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store) return ex->fail(behaviour_store_missing());
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  BodyReader in(*body);
  const Json* list = in.array("events", documents::kMaxEventsPerBatch);
  if (!in.ok()) return ex->fail(in.error());
  if (list->empty()) return ex->fail(Error::validation("events", "must hold at least one event"));
  const auto now_ms = documents::now_ms();
  std::vector<documents::Event> events;
  events.reserve(list->size());
  for (std::size_t i = 0; i < list->size() && in.ok(); ++i) {
    auto event = read_event((*list)[i], "events[" + std::to_string(i) + "]", now_ms, in);
    if (!event) break;
    event->customer_id = ex->principal.user_id;
    event->received_at_ms = now_ms;
    events.push_back(std::move(*event));
  }
  if (!in.ok()) return ex->fail(in.error());
  if (auto valid = documents::validate_event_batch(events); !valid.ok()) return ex->fail(valid.error());

  bool active = false;
  api.read(ex, [&](soci::session& session) { active = account_is_active(session, ex->principal.user_id); });
  if (ex->replied()) return;
  if (!active) return ex->fail(account_not_found());
  auto accepted = store->append_events(events);
  if (!accepted.ok()) return ex->fail(accepted.error());
  ex->json(202, {{"accepted", *accepted}});
}

}  // namespace

void register_behaviour_routes(Api& api) {
  api.router.add("GET", "/api/v1/me/preferences", Access::customer, bind(api, get_preferences));
  api.router.add("PUT", "/api/v1/me/preferences", Access::customer, bind(api, put_preferences));
  api.router.add("POST", "/api/v1/me/feedback", Access::customer, bind(api, post_feedback));
  api.router.add("POST", "/api/v1/me/events", Access::customer, bind(api, post_events));
}

}  // namespace patron::http
