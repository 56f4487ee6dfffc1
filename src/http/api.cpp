#include "http/api.h"

#include <chrono>

#include <spdlog/spdlog.h>

#include "domain/page_cursor.h"
#include "domain/validation.h"
#include "services/api_keys.h"
#include "services/members.h"
#include "services/secrets.h"

namespace patron::http {

std::int64_t Api::now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Reply json_reply(int status, const Json& body) {
  return Reply{status, body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json", {}};
}

Result<int> page_limit(const Exchange& ex) {
  const auto text = ex.query_or("limit", std::to_string(kDefaultPageLimit));
  try {
    std::size_t used = 0;
    const int limit = std::stoi(text, &used);
    if (used == text.size() && limit >= 1 && static_cast<std::size_t>(limit) <= kMaxPageLimit) return limit;
  } catch (const std::exception&) {
  }
  return Error::validation("limit", "must be an integer from 1 to " + std::to_string(kMaxPageLimit));
}

void Api::read(const ExchangePtr& ex, const std::function<void(services::Session)>& work) {
  const auto done = database_.read(work);
  if (!done.ok()) {
    spdlog::warn("read failed: {}", done.error().message);
    ex->fail(services::database_unavailable());
  }
}

namespace {

// The Idempotency-Key scope of a request: its principal, method and path.
// None for requests that are never replayed.
std::optional<std::string> idempotency_scope(const Exchange& ex, Api::Replay replay) {
  if (replay == Api::Replay::never || ex.principal.role.empty()) return std::nullopt;
  if (ex.path.rfind("/api/v1/auth/", 0) == 0) return std::nullopt;
  if (ex.principal.user_id.empty() && ex.principal.api_key_id.empty()) return std::nullopt;
  return ex.principal.actor() + " " + ex.method + " " + ex.path;
}

}  // namespace

void Api::write(const ExchangePtr& ex, std::function<Result<Reply>(services::Session)> work, Replay replay) {
  write(ex, std::move(work), nullptr, replay);
}

namespace {

using ReplySlot = std::shared_ptr<std::optional<Reply>>;

// The work as a write job: its reply is kept in `slot` for the answer.
std::function<Status(services::Session)> plain_job(std::function<Result<Reply>(services::Session)> work,
                                                   ReplySlot slot) {
  return [work = std::move(work), slot](services::Session session) -> Status {
    auto reply = work(session);
    if (!reply.ok()) return reply.error();
    *slot = std::move(reply).value();
    return Unit{};
  };
}

// As plain_job, run once per Idempotency-Key (see services/idempotent_replies.h).
std::function<Status(services::Session)> keyed_job(std::function<Result<Reply>(services::Session)> work,
                                                   services::KeyedRequest request, ReplySlot slot) {
  return [work = std::move(work), request = std::move(request), slot](services::Session session) -> Status {
    auto answer = services::answer_once(session, request, [&](services::Session s) -> Result<services::KeptReply> {
      auto reply = work(s);
      if (!reply.ok()) return reply.error();
      *slot = std::move(reply).value();
      return services::KeptReply{(*slot)->status, (*slot)->body};
    });
    if (!answer.ok()) return answer.error();
    if (answer->replayed) {
      *slot = Reply{
          answer->reply.status, std::move(answer->reply.body), "application/json", {{"Idempotent-Replayed", "true"}}};
    }
    return Unit{};
  };
}

}  // namespace

void Api::write(const ExchangePtr& ex, std::function<Result<Reply>(services::Session)> work,
                std::function<void()> after_commit, Replay replay) {
  auto slot = std::make_shared<std::optional<Reply>>();
  std::function<Status(services::Session)> job;
  auto key = ex->header("idempotency-key");
  if (auto key_scope = idempotency_scope(*ex, replay); key && key_scope) {
    if (auto valid = validate_idempotency_key(*key); !valid.ok()) return ex->fail(valid.error());
    job = keyed_job(std::move(work), {*key_scope, *key, services::hash_hex(ex->body), now()}, slot);
  } else {
    job = plain_job(std::move(work), slot);
  }
  database_.write(std::move(job),
                  [this, ex, slot, after_commit = std::move(after_commit)](services::WriteOutcome outcome) {
                    me_cache.invalidate(outcome.changed_accounts);
                    if (!outcome.status.ok()) return ex->fail(outcome.status.error());
                    if (after_commit) after_commit();
                    ex->reply(std::move(slot->value()));
                  });
}

bool Api::purge_expired_idempotency_keys() {
  const auto done = services::purge_expired_replies(database_, now());
  if (!done.ok()) spdlog::warn("purging expired idempotency keys failed: {}", done.error().message);
  return done.ok();
}

void Api::forget_api_keys() { api_keys_.clear(); }

void Api::forget_account_status(const std::string& user_id) { accounts_active_.forget(user_id); }

Api::AccountStatus Api::account_status(const std::string& user_id) {
  if (auto active = accounts_active_.find(user_id)) return *active ? AccountStatus::active : AccountStatus::closed;
  // A status read before an erasure commits but stored after it was forgotten
  // would keep a closed account open for a TTL: such a load is not stored.
  const auto generation = accounts_active_.generation();
  bool active = false;
  const auto done = database_.read_single(
      [&](services::Session session) { active = services::Members(session).active(user_id).ok(); });
  if (!done.ok()) {
    spdlog::warn("account status lookup failed: {}", done.error().message);
    return AccountStatus::unknown;
  }
  accounts_active_.store(user_id, active, generation);
  return active ? AccountStatus::active : AccountStatus::closed;
}

bool Api::authenticate(Exchange& ex) {
  if (auto auth = ex.header("authorization"); auth && auth->rfind("Bearer ", 0) == 0) {
    if (auto claims = signer_.verify(auth->substr(7), now())) {
      ex.principal.user_id = claims->subject;
      ex.principal.role = claims->role;
    }
    return true;
  }
  if (auto key = ex.header("x-api-key")) {
    const auto key_hash = services::hash_hex(*key);
    if (auto known = api_keys_.find(key_hash)) {
      ex.principal.role = "store";
      ex.principal.store_id = known->store_id;
      ex.principal.api_key_id = known->api_key_id;
      return true;
    }
    const auto generation = api_keys_.generation();  // a key revoked meanwhile is not remembered
    std::optional<ApiKeyRecord> record;
    const auto done = database_.read_single(
        [&](services::Session session) { record = services::ApiKeys(session).find_by_hash(key_hash); });
    if (!done.ok()) {
      spdlog::warn("api key lookup failed: {}", done.error().message);
      return false;
    }
    if (record && !record->revoked) {
      ex.principal.role = "store";
      ex.principal.store_id = record->store_id;
      ex.principal.api_key_id = record->id;
      api_keys_.store(key_hash, {record->store_id, record->id}, generation);
    }
  }
  return true;
}

}  // namespace patron::http
