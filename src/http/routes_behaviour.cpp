// The customer's behaviour-store routes: preferences, feedback and events.
// They read the bodies; services::Behaviour checks them against the store's
// bounds before any I/O and refuses an erased or unknown account.
#include "http/api.h"
#include "http/behaviour_views.h"
#include "http/body_reader.h"
#include "http/route_handlers.h"
#include "services/behaviour.h"

namespace patron::http {
namespace {
std::vector<std::string> read_tags(BodyReader& in) {
  std::vector<std::string> tags;
  const Json* list = in.array("tags", kMaxFeedbackTags, false);
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

std::optional<Event> read_event(const Json& item, const std::string& path, std::int64_t now_ms, BodyReader& outer) {
  if (!item.is_object()) {
    outer.fail(path, "must be an object");
    return std::nullopt;
  }
  BodyReader in(item, path);
  Event event;
  const auto type_text = in.text("type", 32);
  if (!in.ok()) {
    outer.fail(in.error().field, in.error().message);
    return std::nullopt;
  }
  auto type = parse_event_type(type_text);
  if (!type) {
    outer.fail(path + ".type", "must be one of view, search, add_to_cart, remove_from_cart, wishlist, click_offer");
    return std::nullopt;
  }
  event.type = *type;
  event.sku = in.optional_text("sku", kMaxIdBytes).value_or("");
  event.category = in.optional_text("category", kMaxCategoryBytes).value_or("");
  event.query = in.optional_text("query", kMaxSearchQueryBytes).value_or("");
  auto occurred = in.optional_time("occurred_at");
  if (!in.ok()) {
    outer.fail(in.error().field, in.error().message);
    return std::nullopt;
  }
  event.occurred_at_ms = occurred ? *occurred * 1000 : now_ms;
  return event;
}

}  // namespace

namespace handlers {

void get_preferences(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store) return ex->fail(behaviour_store_missing());
  auto stored = services::Behaviour(*store).preferences(ex->principal.user_id);
  if (!stored.ok()) return ex->fail(stored.error());
  ex->reply(Reply{200, stored->value_or("{}"), "application/json", {}});
}

void put_preferences(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store) return ex->fail(behaviour_store_missing());
  if (ex->body.size() > kMaxPreferencesBytes) {
    return ex->fail(Error{ErrorCode::payload_too_large, "preferences must be at most 32 KiB of JSON", {}});
  }
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  const auto compact = services::Behaviour::checked_preferences(*body);
  if (!compact.ok()) return ex->fail(compact.error());
  api.read(ex, [&](services::Session session) {
    auto saved = services::Behaviour(*store).save_preferences(session, ex->principal.user_id, *compact);
    if (!saved.ok()) return ex->fail(saved.error());
    ex->reply(Reply{200, *compact, "application/json", {}});
  });
}

void post_feedback(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store || !api.sentiment()) return ex->fail(behaviour_store_missing());
  auto in = BodyReader::of_body(ex->body);
  Feedback feedback;
  feedback.customer_id = ex->principal.user_id;
  feedback.rating = static_cast<int>(in.integer("rating", kMinRating, kMaxRating));
  // Length is counted in code points below; the reader's byte bound only stops abuse.
  feedback.text = in.text("text", kMaxFeedbackTextChars * 4);
  feedback.product_sku = in.optional_text("product_sku", kMaxIdBytes).value_or("");
  feedback.store_id = in.optional_text("store_id", kMaxIdBytes).value_or("");
  feedback.tags = read_tags(in);
  if (!in.ok()) return ex->fail(in.error());
  if (auto valid = services::Behaviour::check_feedback(feedback); !valid.ok()) return ex->fail(valid.error());
  api.read(ex, [&](services::Session session) {
    // A copy each try: the read path may run this twice (a lost connection is retried once).
    auto given = services::Behaviour(*store).give_feedback(session, feedback, *api.sentiment());
    if (!given.ok()) return ex->fail(given.error());
    ex->json(201, feedback_json(*given));
  });
}

void post_events(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store) return ex->fail(behaviour_store_missing());
  auto in = BodyReader::of_body(ex->body);
  const Json* list = in.array("events", kMaxEventsPerBatch);
  if (!in.ok()) return ex->fail(in.error());
  if (list->empty()) return ex->fail(Error::validation("events", "must hold at least one event"));
  const auto now_ms = services::behaviour_now_ms();
  std::vector<Event> events;
  events.reserve(list->size());
  for (std::size_t i = 0; i < list->size() && in.ok(); ++i) {
    auto event = read_event((*list)[i], "events[" + std::to_string(i) + "]", now_ms, in);
    if (!event) break;
    event->customer_id = ex->principal.user_id;
    event->received_at_ms = now_ms;
    events.push_back(std::move(*event));
  }
  if (!in.ok()) return ex->fail(in.error());
  if (auto valid = services::Behaviour::check_events(events); !valid.ok()) return ex->fail(valid.error());
  api.read(ex, [&](services::Session session) {
    auto accepted = services::Behaviour(*store).record_events(session, ex->principal.user_id, events);
    if (!accepted.ok()) return ex->fail(accepted.error());
    ex->json(202, {{"accepted", *accepted}});
  });
}

}  // namespace handlers

}  // namespace patron::http
