// The customer's data rights: export everything Patron holds on them, from
// both stores, and erase their personal data. Erasure keeps the ledger and the
// transactions (accounting needs them) with the profile anonymized.
#include <algorithm>
#include <vector>

#include "domain/page_cursor.h"
#include "http/api.h"
#include "http/behaviour_views.h"
#include "http/body_reader.h"
#include "http/views.h"
#include "storage/documents/document_store.h"
#include "storage/sql/access_repository.h"
#include "storage/sql/ledger_repository.h"
#include "storage/sql/redemptions_repository.h"
#include "storage/sql/transactions_repository.h"
#include "storage/sql/users_repository.h"

namespace patron::http {
namespace {

constexpr int export_page_size = 200;

// Walks every page of a cursor-paged repository list into one JSON array.
template <typename FetchPage, typename ToJson>
Json all_pages(FetchPage&& fetch_page, ToJson&& to_json) {
  Json items = Json::array();
  std::string cursor;
  do {
    auto page = fetch_page(cursor);
    for (const auto& item : page.items) items.push_back(to_json(item));
    cursor = page.next_cursor.value_or("");
  } while (!cursor.empty());
  return items;
}

Result<Json> export_documents(documents::DocumentStore& store, const std::string& customer_id) {
  Json out;
  auto preferences = store.get_preferences(customer_id);
  if (!preferences.ok()) return preferences.error();
  out["preferences"] = preferences_json(*preferences);

  out["feedback"] = Json::array();
  documents::PageRequest page{documents::kMaxPageLimit, ""};
  do {
    auto feedback = store.feedback_by_customer(customer_id, page);
    if (!feedback.ok()) return feedback.error();
    for (const auto& item : feedback->items) out["feedback"].push_back(feedback_json(item));
    page.cursor = feedback->next_cursor.value_or("");
  } while (!page.cursor.empty());

  out["events"] = Json::array();
  page = {documents::kMaxEventPageLimit, ""};
  do {
    auto events = store.customer_events(customer_id, documents::TimeRange::all(), page);
    if (!events.ok()) return events.error();
    for (const auto& item : events->items) out["events"].push_back(event_json(item));
    page.cursor = events->next_cursor.value_or("");
  } while (!page.cursor.empty());
  return out;
}

void export_me(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store) return ex->fail(behaviour_store_missing());
  const auto& id = ex->principal.user_id;
  Json body;
  api.read(ex, [&](soci::session& session) {
    auto user = sql::UsersRepository(session).find_by_id(id);
    if (!user || user->status != "active") return ex->fail(account_not_found());
    body["exported_at"] = format_rfc3339(Api::now());
    body["profile"] = profile_json(*user);
    if (auto view = services::Loyalty(session, api.settings().program).account_view(id, Api::now()); view.ok()) {
      body["account"] = account_json(*view);
    }
    sql::TransactionsRepository transactions(session);
    body["transactions"] = all_pages(
        [&](const std::string& cursor) {
          return transactions.list_for_customer(id, export_page_size, TimeCursor::parse(cursor).value());
        },
        transaction_json);
    sql::LedgerRepository ledger(session);
    body["ledger"] = all_pages(
        [&](const std::string& cursor) {
          return ledger.list(id, export_page_size, SequenceCursor::parse(cursor).value().before);
        },
        ledger_entry_json);
    sql::RedemptionsRepository redemptions(session);
    body["redemptions"] = all_pages(
        [&](const std::string& cursor) {
          return redemptions.list_for_customer(id, export_page_size, TimeCursor::parse(cursor).value());
        },
        redemption_json);
  });
  if (ex->replied()) return;
  auto behaviour = export_documents(*store, id);
  if (!behaviour.ok()) return ex->fail(behaviour.error());
  body["behaviour"] = std::move(*behaviour);
  ex->reply(Reply{200, body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json",
                  {{"Content-Disposition", "attachment; filename=\"patron-export.json\""}}});
}

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
void erase_from_stored_replies(sql::AccessRepository& access, const sql::UserRecord& user) {
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

// Behaviour documents go first so a failure leaves an account the customer
// can still sign in to and retry with; a second pass after the SQL commit
// catches events that raced in between (the store's erase is idempotent).
void erase_me(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store) return ex->fail(behaviour_store_missing());
  const auto id = ex->principal.user_id;
  if (auto erased = store->erase_customer(id); !erased.ok()) return ex->fail(erased.error());
  api.write(
      ex,
      [id](soci::session& session) -> Result<Reply> {
        sql::UsersRepository users(session);
        auto user = users.find_by_id(id);
        if (!user || user->status != "active") return account_not_found();
        users.anonymize(id, Api::now());
        sql::AccessRepository access(session);
        access.revoke_all_for_user(id, "");
        erase_from_stored_replies(access, *user);
        return Reply{204, "", "application/json", {}};
      },
      [&api, store, id] {
        api.forget_account_status(id);  // the still-valid access token stops working at once
        (void)store->erase_customer(id);
      });
}

}  // namespace

void register_privacy_routes(Api& api) {
  api.router.add("GET", "/api/v1/me/export", Access::customer, bind(api, export_me));
  api.router.add("DELETE", "/api/v1/me", Access::customer, bind(api, erase_me));
}

}  // namespace patron::http
