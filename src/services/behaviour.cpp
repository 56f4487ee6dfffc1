#include "services/behaviour.h"

#include <algorithm>

#include "services/catalog_facts.h"
#include "services/members.h"
#include "storage/documents/stamps.h"

namespace patron::services {
namespace {

const char* const kListPreferenceKeys[] = {"favorite_categories", "favorite_brands", "channels", "dietary"};

// Known keys hold lists of short strings; anything else is the client's own.
Status check_known_preference_keys(const nlohmann::json& document) {
  for (const char* key : kListPreferenceKeys) {
    auto it = document.find(key);
    if (it == document.end()) continue;
    if (!it->is_array()) return Error::validation(key, "must be an array of strings");
    if (it->size() > kMaxPreferenceItems) {
      return Error::validation(key, "must have at most " + std::to_string(kMaxPreferenceItems) + " items");
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& item = (*it)[i];
      const auto field = std::string(key) + "[" + std::to_string(i) + "]";
      if (!item.is_string()) return Error::validation(field, "must be a string");
      if (item.get_ref<const std::string&>().size() > kMaxPreferenceItemBytes) {
        return Error::validation(field, "must be at most " + std::to_string(kMaxPreferenceItemBytes) + " bytes");
      }
    }
  }
  return ok_status();
}

Status active_member(Session session, const std::string& customer_id) {
  auto member = Members(session).active(customer_id);
  if (!member.ok()) return member.error();
  return ok_status();
}

}  // namespace

std::int64_t behaviour_now_ms() { return documents::now_ms(); }

Result<std::optional<std::string>> Behaviour::preferences(const std::string& customer_id) {
  return store_.get_preferences(customer_id);
}

Result<FeedbackPage> Behaviour::recent_feedback(const std::string& customer_id, std::size_t limit) {
  return store_.feedback_by_customer(customer_id, {std::min(limit, kMaxPageLimit), ""});
}

Result<std::string> Behaviour::checked_preferences(const nlohmann::json& document) {
  if (auto valid = check_known_preference_keys(document); !valid.ok()) return valid.error();
  auto compact = document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (auto valid = documents::validate_preferences(compact); !valid.ok()) return valid.error();
  return compact;
}

Status Behaviour::check_feedback(const documents::Feedback& feedback) { return documents::validate_feedback(feedback); }

Status Behaviour::check_events(const std::vector<documents::Event>& events) {
  return documents::validate_event_batch(events);
}

Status Behaviour::save_preferences(Session session, const std::string& customer_id, const std::string& compact) {
  if (auto valid = documents::validate_preferences(compact); !valid.ok()) return valid.error();
  if (auto active = active_member(session, customer_id); !active.ok()) return active.error();
  return store_.put_preferences(customer_id, compact);
}

Result<documents::Feedback> Behaviour::give_feedback(Session session, documents::Feedback feedback,
                                                     const analytics::SentimentScorer& sentiment) {
  if (auto valid = documents::validate_feedback(feedback); !valid.ok()) return valid.error();
  if (auto active = active_member(session, feedback.customer_id); !active.ok()) return active.error();
  if (auto named = check_feedback_subjects(session, feedback.product_sku, feedback.store_id); !named.ok()) {
    return named.error();
  }
  feedback.sentiment = sentiment.score(feedback.text);
  feedback.created_at_ms = documents::now_ms();
  auto id = store_.add_feedback(feedback);
  if (!id.ok()) return id.error();
  feedback.id = *id;
  return feedback;
}

Result<std::size_t> Behaviour::record_events(Session session, const std::string& customer_id,
                                             const std::vector<documents::Event>& events) {
  if (auto valid = documents::validate_event_batch(events); !valid.ok()) return valid.error();
  if (auto active = active_member(session, customer_id); !active.ok()) return active.error();
  return store_.append_events(events);
}

}  // namespace patron::services
