#include "services/idempotent_replies.h"


namespace patron::services {
namespace {

Result<KeyedAnswer> replay(const StoredResponse& stored, const std::string& request_hash) {
  if (stored.request_hash != request_hash) {
    return Error{ErrorCode::conflict, "this Idempotency-Key was used with a different request", "Idempotency-Key"};
  }
  return KeyedAnswer{KeptReply{stored.status_code, stored.body}, true};
}

Result<KeyedAnswer> first_answer(Result<KeptReply> reply) {
  if (!reply.ok()) return reply.error();
  return KeyedAnswer{std::move(reply).value(), false};
}

}  // namespace

std::int64_t replies_fresh_since(std::int64_t now) {
  return now - std::chrono::duration_cast<std::chrono::seconds>(reply_retention).count();
}

Result<KeyedAnswer> answer_once(Session session, const KeyedRequest& request,
                                const std::function<Result<KeptReply>(Session)>& work) {
  auto& access = session.stores().access();
  const auto fresh_since = replies_fresh_since(request.now);
  if (access.can_store_after_work()) {
    if (auto stored = access.find_response(request.scope, request.key, fresh_since)) {
      return replay(*stored, request.request_hash);
    }
    auto reply = work(session);
    if (reply.ok()) {
      access.store_response(request.scope, request.key, {request.request_hash, reply->status, reply->body}, request.now,
                            fresh_since);
    }
    return first_answer(std::move(reply));
  }
  // On a server the claim comes first: a key already answered is refused and
  // its reply replayed; one that another process is answering right now makes
  // the claim wait for it. A failed request's claim is rolled back with the
  // rest of its work.
  if (!access.claim_response(request.scope, request.key, request.request_hash, request.now, fresh_since)) {
    auto stored = access.find_response(request.scope, request.key, fresh_since);
    if (!stored) return database_unavailable();  // claim_response saw it; only a purge racing it could remove it
    return replay(*stored, request.request_hash);
  }
  auto reply = work(session);
  if (reply.ok()) {
    access.finish_response(request.scope, request.key, {request.request_hash, reply->status, reply->body});
  }
  return first_answer(std::move(reply));
}

Status purge_expired_replies(Database& database, std::int64_t now) {
  const auto cutoff = replies_fresh_since(now);
  for (int slice = 0; slice < max_reply_purge_slices; ++slice) {
    bool more = false;
    auto done = database.write_now([&](Session session) -> Status {
      more = session.stores().access().purge_expired_responses(cutoff, reply_purge_slice);
      return Unit{};
    });
    if (!done.ok()) return done;
    if (!more) break;
  }
  return Unit{};
}

}  // namespace patron::services
