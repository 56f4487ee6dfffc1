// The customer's data rights: export everything Patron holds on them, from
// both stores, and erase their personal data. Erasure keeps the ledger and the
// transactions (accounting needs them) with the profile anonymized.
#include "http/api.h"
#include "http/route_handlers.h"
#include "http/behaviour_views.h"
#include "http/body_reader.h"
#include "http/views.h"
#include "services/account_erasure.h"
#include "services/member_export.h"

namespace patron::http {
namespace {
template <typename Item, typename ToJson>
Json json_array(const std::vector<Item>& items, ToJson&& to_json) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

Json member_json(const services::MemberRecords& records) {
  Json body;
  body["exported_at"] = format_rfc3339(Api::now());
  body["profile"] = profile_json(records.profile);
  if (records.account) body["account"] = account_json(*records.account);
  body["transactions"] = json_array(records.purchases, transaction_json);
  body["ledger"] = json_array(records.ledger, ledger_entry_json);
  body["redemptions"] = json_array(records.vouchers, redemption_json);
  return body;
}

Json behaviour_json(const services::BehaviourRecords& records) {
  return {{"preferences", preferences_json(records.preferences)},
          {"feedback", json_array(records.feedback, feedback_json)},
          {"events", json_array(records.events, event_json)}};
}

}  // namespace

namespace handlers {

void export_me(Api& api, const ExchangePtr& ex) {
  auto* store = api.documents();
  if (!store) return ex->fail(behaviour_store_missing());
  const auto& id = ex->principal.user_id;
  Json body;
  api.read(ex, [&](services::Session session) {
    auto records = services::member_records(session, api.settings().program, id, Api::now());
    if (!records.ok()) return ex->fail(records.error());
    body = member_json(*records);
  });
  if (ex->replied()) return;
  auto behaviour = services::behaviour_records(*store, id);
  if (!behaviour.ok()) return ex->fail(behaviour.error());
  body["behaviour"] = behaviour_json(*behaviour);
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
  if (auto erased = services::erase_behaviour(*store, id); !erased.ok()) return ex->fail(erased.error());
  api.write(
      ex,
      [id](services::Session session) -> Result<Reply> {
        if (auto erased = services::erase_account(session, id, Api::now()); !erased.ok()) return erased.error();
        return Reply{204, "", "application/json", {}};
      },
      [&api, store, id] {
        api.forget_account_status(id);  // the still-valid access token stops working at once
        (void)services::erase_behaviour(*store, id);
      });
}

}  // namespace handlers

}  // namespace patron::http
