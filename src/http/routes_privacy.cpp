// The customer's data rights: export everything Patron holds on them, from
// both stores, and erase their personal data. Erasure keeps the ledger and the
// transactions (accounting needs them) with the profile anonymized.
#include "domain/page_cursor.h"
#include "http/api.h"
#include "http/behaviour_views.h"
#include "http/body_reader.h"
#include "http/views.h"
#include "services/account_erasure.h"
#include "services/members.h"
#include "storage/documents/document_store.h"

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
    services::Members member(session);
    auto user = member.active(id);
    if (!user.ok()) return ex->fail(user.error());
    body["exported_at"] = format_rfc3339(Api::now());
    body["profile"] = profile_json(*user);
    if (auto view = services::Loyalty(session, api.settings().program).account_view(id, Api::now()); view.ok()) {
      body["account"] = account_json(*view);
    }
    body["transactions"] = all_pages(
        [&](const std::string& cursor) {
          return member.purchases(id, export_page_size, TimeCursor::parse(cursor).value());
        },
        transaction_json);
    body["ledger"] = all_pages(
        [&](const std::string& cursor) {
          return member.ledger(id, export_page_size, SequenceCursor::parse(cursor).value());
        },
        ledger_entry_json);
    body["redemptions"] = all_pages(
        [&](const std::string& cursor) {
          return member.vouchers(id, export_page_size, TimeCursor::parse(cursor).value());
        },
        redemption_json);
  });
  if (ex->replied()) return;
  auto behaviour = export_documents(*store, id);
  if (!behaviour.ok()) return ex->fail(behaviour.error());
  body["behaviour"] = std::move(*behaviour);
  ex->reply(Reply{200,
                  body.dump(-1, ' ', false, Json::error_handler_t::replace),
                  "application/json",
                  {{"Content-Disposition", "attachment; filename=\"patron-export.json\""}}});
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
        if (auto erased = services::erase_account(session, id, Api::now()); !erased.ok()) return erased.error();
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
