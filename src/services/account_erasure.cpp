#include "services/account_erasure.h"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "services/members.h"

namespace patron::services {
namespace {

using Json = nlohmann::json;

constexpr int redaction_page_size = 100;
// Idempotency records live for a day, so this bounds a scan of all of them.
constexpr int max_redaction_pages = 100'000;
constexpr const char* erased_text = "[erased]";

// Each string in `value` equal to one of `personal` becomes erased_text.
bool redact(Json& value, const std::vector<std::string>& personal) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (std::find(personal.begin(), personal.end(), text) == personal.end()) return false;
    value = erased_text;
    return true;
  }
  bool changed = false;
  if (value.is_structured()) {
    for (auto& item : value) changed = redact(item, personal) || changed;
  }
  return changed;
}

// How `text` appears inside a stored reply body: the inside of its JSON string.
std::string as_in_reply(const std::string& text) {
  const auto quoted = Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
  return quoted.substr(1, quoted.size() - 2);
}

// Stored idempotent replies must not keep what erasure removes. The
// customer's own records go; a reply stored for someone else (a till, staff)
// keeps its record, so a replay still answers instead of running twice, with
// the customer's email, name, phone and card number replaced.
void erase_from_stored_replies(sql::AccessStore& access, const UserRecord& user) {
  access.delete_responses_of(user.id);
  std::vector<std::string> personal;
  for (const auto* value : {&user.email, &user.name, &user.phone, &user.card_number}) {
    if (!value->empty()) personal.push_back(*value);
  }
  for (const auto& value : personal) {
    std::string after_scope, after_key;
    for (int page = 0; page < max_redaction_pages; ++page) {
      auto rows = access.responses_containing(as_in_reply(value), after_scope, after_key, redaction_page_size);
      for (const auto& row : rows) {
        auto body = Json::parse(row.body, nullptr, false);
        if (body.is_discarded() || !redact(body, personal)) continue;
        access.replace_response_body(row.scope, row.key, body.dump(-1, ' ', false, Json::error_handler_t::replace));
      }
      if (rows.size() < static_cast<std::size_t>(redaction_page_size)) break;
      after_scope = rows.back().scope;
      after_key = rows.back().key;
    }
  }
}

}  // namespace

Status erase_account(Session session, const std::string& user_id, std::int64_t now) {
  auto user = Members(session).active(user_id);
  if (!user.ok()) return user.error();
  session.stores().users().anonymize(user_id, now);
  auto& access = session.stores().access();
  access.revoke_all_for_user(user_id, "");
  erase_from_stored_replies(access, *user);
  return Unit{};
}

Status erase_behaviour(documents::DocumentStore& store, const std::string& user_id) {
  auto erased = store.erase_customer(user_id);
  if (!erased.ok()) return erased.error();
  return Unit{};
}

}  // namespace patron::services
