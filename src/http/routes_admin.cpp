#include "http/analytics_view.h"
#include "http/api.h"
#include "http/behaviour_views.h"
#include "http/body_reader.h"
#include "http/route_handlers.h"
#include "http/views.h"
#include "services/api_keys.h"
#include "services/behaviour.h"
#include "services/catalog_facts.h"
#include "services/customers.h"
#include "services/members.h"
#include "services/secrets.h"

namespace patron::http {
namespace {
constexpr int recent_items_in_view = 20;
constexpr Points max_adjustment_points = 10'000'000;

// Preferences and recent feedback from the behaviour store; null when the
// store is down, so the SQL part of the view still answers.
void add_behaviour(Api& api, const std::string& customer_id, Json& body) {
  body["preferences"] = nullptr;
  body["recent_feedback"] = nullptr;
  auto* store = api.documents();
  if (!store) return;
  services::Behaviour behaviour(*store);
  if (auto preferences = behaviour.preferences(customer_id); preferences.ok()) {
    body["preferences"] = preferences_json(*preferences);
  }
  if (auto feedback = behaviour.recent_feedback(customer_id, recent_items_in_view); feedback.ok()) {
    body["recent_feedback"] = Json::array();
    for (const auto& item : feedback->items) body["recent_feedback"].push_back(feedback_json(item));
  }
}

Json api_key_json(const ApiKeyRecord& key) {
  return {{"id", key.id},     {"store_id", key.store_id}, {"prefix", key.prefix},
          {"name", key.name}, {"revoked", key.revoked},   {"created_at", format_rfc3339(key.created_at)}};
}

}  // namespace

namespace handlers {

void search_customers(Api& api, const ExchangePtr& ex) {
  const auto page_asked = page_query<IdCursor>(*ex);
  if (!page_asked.ok()) return ex->fail(page_asked.error());
  const auto query = ex->query_or("q", "");
  api.read(ex, [&](services::Session session) {
    auto page = services::Customers(session).search(query, page_asked->limit, page_asked->cursor.after_id);
    if (!page.ok()) return ex->fail(page.error());
    ex->json(200, page_json(*page, profile_json));
  });
}

void customer_view(Api& api, const ExchangePtr& ex) {
  api.read(ex, [&](services::Session session) {
    auto user = services::Customers(session).find(ex->params.at("id"));
    if (!user.ok()) return ex->fail(user.error());
    auto body = profile_json(*user);
    body["status"] = user->status;
    if (auto view = services::Loyalty(session, api.settings().program).account_view(user->id, Api::now()); view.ok()) {
      body["account"] = account_json(*view);
    }
    services::Members member(session);
    auto purchases = member.purchases(user->id, recent_items_in_view, TimeCursor{});
    std::vector<std::string> stores;
    for (const auto& txn : purchases.items) stores.push_back(txn.store_id);
    body["recent_transactions"] = transactions_page_json(purchases, services::store_names(session, stores))["items"];
    body["ledger"] =
        page_json(member.ledger(user->id, recent_items_in_view, SequenceCursor{}), ledger_entry_json)["items"];
    add_customer_analytics(session, user->id, body);  // segment, clv, p_alive from the latest run
    body["offers"] = customer_offers_json(api, session, user->id);
    // Filled by the behaviour-store module where it runs.
    add_behaviour(api, user->id, body);
    ex->json(200, body);
  });
}

void adjust(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  auto points = in.integer("points", -max_adjustment_points, max_adjustment_points);
  auto reason = in.text("reason", 500);
  if (!in.ok()) return ex->fail(in.error());
  if (points == 0) return ex->fail(Error::validation("points", "must not be zero"));
  if (reason.find_first_not_of(" \t") == std::string::npos) return ex->fail(Error::validation("reason", "is required"));
  api.write(ex,
            [&api, id = ex->params.at("id"), points, reason,
             admin = ex->principal.user_id](services::Session session) -> Result<Reply> {
              if (auto user = services::Customers(session).find(id); !user.ok()) return user.error();
              auto entry =
                  services::Loyalty(session, api.settings().program).adjust(id, points, reason, admin, Api::now());
              // A 401 would read as the admin's own session ending; the account is what is closed.
              if (!entry.ok() && entry.error().code == ErrorCode::account_closed) {
                return Error::conflict("this customer's account is closed; its points cannot change");
              }
              if (!entry.ok()) return entry.error();
              return json_reply(201, ledger_entry_json(*entry));
            });
}

void create_api_key(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  auto store_id = in.text("store_id", 64);
  auto name = in.optional_text("name", services::max_api_key_name_length).value_or("");
  if (!in.ok()) return ex->fail(in.error());
  // The reply holds the key itself, so it is never stored for an Idempotency-Key replay.
  api.write(
      ex,
      [store_id, name](services::Session session) -> Result<Reply> {
        auto issued = services::ApiKeys(session).issue(store_id, name, Api::now());
        if (!issued.ok()) return issued.error();
        auto answer = api_key_json(issued->key);
        answer["key"] = issued->secret;  // shown once; only its hash is stored
        return json_reply(201, answer);
      },
      Api::Replay::never);
}

void list_api_keys(Api& api, const ExchangePtr& ex) {
  const auto page_asked = page_query<IdCursor>(*ex);
  if (!page_asked.ok()) return ex->fail(page_asked.error());
  api.read(ex, [&](services::Session session) {
    const auto keys = services::ApiKeys(session).list(page_asked->limit, page_asked->cursor.after_id);
    ex->json(200, page_json(keys, api_key_json));
  });
}

void revoke_api_key(Api& api, const ExchangePtr& ex) {
  api.write(
      ex,
      [id = ex->params.at("id")](services::Session session) -> Result<Reply> {
        if (auto revoked = services::ApiKeys(session).revoke(id); !revoked.ok()) return revoked.error();
        return Reply{204, "", "application/json", {}};
      },
      [&api] { api.forget_api_keys(); });
}

}  // namespace handlers

}  // namespace patron::http
