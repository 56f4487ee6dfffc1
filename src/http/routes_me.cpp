#include "domain/page_cursor.h"
#include "domain/rewards.h"
#include "domain/validation.h"
#include "http/api.h"
#include "http/behaviour_views.h"
#include "http/body_reader.h"
#include "http/route_handlers.h"
#include "http/views.h"
#include "services/catalog_facts.h"
#include "services/members.h"
#include "services/secrets.h"

namespace patron::http {
namespace {
// Answers one page of a time-ordered list of the customer's, after checking
// ?limit= and ?cursor=; `fetch(session, customer, limit, cursor)` reads it.
template <typename Fetch, typename ToJson>
void list_time_page(Api& api, const ExchangePtr& ex, Fetch fetch, ToJson to_json) {
  const auto query = page_query<TimeCursor>(*ex);
  if (!query.ok()) return ex->fail(query.error());
  api.read(ex, [&](services::Session session) {
    ex->json(200, page_json(fetch(session, ex->principal.user_id, query->limit, query->cursor), to_json));
  });
}

}  // namespace

namespace handlers {

void get_me(Api& api, const ExchangePtr& ex) {
  const auto& id = ex->principal.user_id;
  if (auto cached = api.me_cache.find(id)) return ex->reply(Reply{200, std::move(*cached), "application/json", {}});
  const auto version = api.me_cache.version(id);
  api.read(ex, [&](services::Session session) {
    auto user = services::Members(session).active(id);
    if (!user.ok()) return ex->fail(user.error());
    auto view = services::Loyalty(session, api.settings().program).account_view(user->id, Api::now());
    if (!view.ok()) return ex->fail(view.error());
    auto body = profile_json(*user);
    body["account"] = account_json(*view);
    auto text = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    api.me_cache.store(id, version, text);
    ex->reply(Reply{200, std::move(text), "application/json", {}});
  });
}

void patch_me(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  auto name = in.optional_text("name", max_name_length);
  auto phone = in.optional_text("phone", 32);
  auto opt_in = in.optional_flag("marketing_opt_in");
  if (name) {
    if (auto valid = validate_name(*name); !valid.ok()) return ex->fail(valid.error());
  }
  if (phone && phone->find_first_not_of("+0123456789 -()") != std::string::npos) {
    in.fail("phone", "may contain only digits, spaces and + - ( )");
  }
  if (!in.ok()) return ex->fail(in.error());
  const services::ProfileChange change{name, phone, opt_in};
  api.write(ex, [id = ex->principal.user_id, change](services::Session session) -> Result<Reply> {
    return json_reply(200, services::Members(session).update_profile(id, change, Api::now()), profile_json);
  });
}

void change_password(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  auto current = in.text("current_password", max_password_length);
  auto next = in.text("new_password", max_password_length);
  if (!in.ok()) return ex->fail(in.error());
  if (auto valid = validate_password(next, "new_password"); !valid.ok()) return ex->fail(valid.error());
  // Wrong current passwords are throttled like logins (a stolen access token must not allow guessing).
  const auto id = ex->principal.user_id;
  if (auto wait = api.throttle.admit(id, ex->client_address, throttle_clock_ms()); wait > 0) {
    return ex->fail_with_retry(
        {ErrorCode::rate_limited, "too many wrong passwords from this address; try again later", {}},
        static_cast<int>(retry_after_seconds(wait)));
  }
  std::optional<Result<UserRecord>> user;
  api.read(ex, [&](services::Session session) { user = services::Members(session).active(id); });
  if (!ex->send) return;  // the read failed and answered already
  if (!user->ok()) return ex->fail(user->error());
  // Verifying and hashing run on the password pool, not on the writer; the
  // write then changes the hash only if it is still the one verified.
  run_password_work(api.password_work, ex, [&api, ex, current, next, verified = (*user)->password_hash, id] {
    if (!services::verify_password(current, verified)) {
      return ex->fail({ErrorCode::validation_failed, "the current password is incorrect", "current_password"});
    }
    api.throttle.record_success(id, ex->client_address);
    api.write(ex, [verified, id, hash = services::hash_password(next)](services::Session session) -> Result<Reply> {
      auto replaced = services::Members(session).replace_password_hash(id, verified, hash, Api::now());
      if (!replaced.ok()) return replaced.error();
      return Reply{204, "", "application/json", {}};
    });
  });
}

void list_transactions(Api& api, const ExchangePtr& ex) {
  const auto query = page_query<TimeCursor>(*ex);
  if (!query.ok()) return ex->fail(query.error());
  api.read(ex, [&](services::Session session) {
    auto page = services::Members(session).purchases(ex->principal.user_id, query->limit, query->cursor);
    std::vector<std::string> stores;
    for (const auto& txn : page.items) stores.push_back(txn.store_id);
    ex->json(200, transactions_page_json(page, services::store_names(session, stores)));
  });
}

// The categories and brands the catalog sells: suggestions for the customer's favourites.
void catalog_facets(Api& api, const ExchangePtr& ex) {
  api.read(ex, [&](services::Session session) {
    auto facets = services::catalog_facets(session);
    ex->json(200, {{"categories", facets.categories}, {"brands", facets.brands}});
  });
}

void list_ledger(Api& api, const ExchangePtr& ex) {
  const auto query = page_query<SequenceCursor>(*ex);
  if (!query.ok()) return ex->fail(query.error());
  api.read(ex, [&](services::Session session) {
    auto page = services::Members(session).ledger(ex->principal.user_id, query->limit, query->cursor);
    ex->json(200, page_json(page, ledger_entry_json));
  });
}

void list_rewards(Api& api, const ExchangePtr& ex) {
  api.read(ex, [&](services::Session session) {
    Json items = Json::array();
    for (const auto& [reward, image_url, available] : services::Members(session).rewards(Api::now())) {
      items.push_back({{"id", reward.id},
                       {"name", reward.name},
                       {"description", reward.description},
                       {"terms", reward.terms},
                       {"image_url", image_url ? Json(*image_url) : Json(nullptr)},
                       {"points_cost", reward.points_cost},
                       {"stock", reward.stock ? Json(*reward.stock) : Json(nullptr)},
                       {"available", available}});
    }
    ex->json(200, {{"items", items}, {"next_cursor", nullptr}});
  });
}

void redeem(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  auto reward_id = in.text("reward_id", 64);
  if (!in.ok()) return ex->fail(in.error());
  api.write(ex, [&api, id = ex->principal.user_id, reward_id](services::Session session) -> Result<Reply> {
    auto outcome = services::Loyalty(session, api.settings().program).redeem(id, reward_id, Api::now());
    if (!outcome.ok()) return outcome.error();
    auto answer = redemption_json(outcome->redemption);
    answer["balance_after"] = outcome->balance_after;
    return json_reply(201, answer);
  });
}

void list_redemptions(Api& api, const ExchangePtr& ex) {
  list_time_page(
      api, ex,
      [](services::Session session, const std::string& customer, int limit, const TimeCursor& cursor) {
        return services::Members(session).vouchers(customer, limit, cursor);
      },
      redemption_json);
}

}  // namespace handlers

}  // namespace patron::http
