#include "storage/sql/access_repository.h"
#include "storage/sql/queries.h"
#include "storage/sql/statement_cache.h"

namespace patron::sql {

void AccessRepository::insert_refresh_token(const RefreshTokenRecord& t, const std::string& token_hash,
                                            std::int64_t now) {
  session_ << "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, created_at) "
              "VALUES (:id, :u, :f, :h, :e, :c)",
      soci::use(t.id), soci::use(t.user_id), soci::use(t.family_id), soci::use(token_hash), soci::use(t.expires_at),
      soci::use(now);
}

std::optional<RefreshTokenRecord> AccessRepository::find_refresh_token(const std::string& token_hash) {
  RefreshTokenRecord t;
  int spent = 0, revoked = 0;
  session_ << "SELECT id, user_id, family_id, expires_at, spent, revoked FROM refresh_tokens WHERE token_hash = :h",
      soci::use(token_hash), soci::into(t.id), soci::into(t.user_id), soci::into(t.family_id), soci::into(t.expires_at),
      soci::into(spent), soci::into(revoked);
  if (!session_.got_data()) return std::nullopt;
  t.spent = spent != 0;
  t.revoked = revoked != 0;
  return t;
}

void AccessRepository::mark_spent(const std::string& token_id) {
  session_ << "UPDATE refresh_tokens SET spent = 1 WHERE id = :id", soci::use(token_id);
}

void AccessRepository::revoke_family(const std::string& family_id) {
  session_ << "UPDATE refresh_tokens SET revoked = 1 WHERE family_id = :f", soci::use(family_id);
}

void AccessRepository::revoke_all_for_user(const std::string& user_id, const std::string& except_family) {
  session_ << "UPDATE refresh_tokens SET revoked = 1 WHERE user_id = :u AND family_id <> :f", soci::use(user_id),
      soci::use(except_family);
}

void AccessRepository::insert_api_key(const ApiKeyRecord& key, const std::string& key_hash, std::int64_t now) {
  session_
      << "INSERT INTO api_keys (id, store_id, key_hash, prefix, name, created_at) VALUES (:id, :s, :h, :p, :n, :c)",
      soci::use(key.id), soci::use(key.store_id), soci::use(key_hash), soci::use(key.prefix), soci::use(key.name),
      soci::use(now);
}

std::optional<ApiKeyRecord> AccessRepository::find_api_key(const std::string& key_hash) {
  ApiKeyRecord key;
  int revoked = 0;
  session_ << "SELECT id, store_id, prefix, name, revoked, created_at FROM api_keys WHERE key_hash = :h",
      soci::use(key_hash), soci::into(key.id), soci::into(key.store_id), soci::into(key.prefix), soci::into(key.name),
      soci::into(revoked), soci::into(key.created_at);
  if (!session_.got_data()) return std::nullopt;
  key.revoked = revoked != 0;
  return key;
}

Page<ApiKeyRecord> AccessRepository::list_api_keys(int limit, const std::string& after_id) {
  Page<ApiKeyRecord> page;
  ApiKeyRecord key;
  int revoked = 0;
  const int fetch = limit + 1;
  soci::statement st = (session_.prepare << "SELECT id, store_id, prefix, name, revoked, created_at FROM api_keys "
                                            "WHERE id > :a ORDER BY id LIMIT :n",
                        soci::use(after_id), soci::use(fetch), soci::into(key.id), soci::into(key.store_id),
                        soci::into(key.prefix), soci::into(key.name), soci::into(revoked), soci::into(key.created_at));
  st.execute();
  while (st.fetch()) {
    key.revoked = revoked != 0;
    page.items.push_back(key);
  }
  cut_to_limit(page, limit);
  return page;
}

bool AccessRepository::revoke_api_key(const std::string& id) {
  // Found, not changed: MySQL counts only rows whose value changed, so revoking
  // twice would read as "not found" there and as done on SQLite and PostgreSQL.
  long long found = 0;
  session_ << "SELECT COUNT(*) FROM api_keys WHERE id = :id", soci::use(id), soci::into(found);
  if (found == 0) return false;
  session_ << "UPDATE api_keys SET revoked = 1 WHERE id = :id", soci::use(id);
  return true;
}

bool AccessRepository::can_store_after_work() const { return session_.get_backend_name() == "sqlite3"; }

std::optional<StoredResponse> AccessRepository::find_response(const std::string& scope, const std::string& key,
                                                              std::int64_t fresh_since) {
  static constexpr std::string_view select =
      "SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE scope = :s AND idem_key = :k "
      "AND created_at >= :f";
  if (auto cached = reuse(session_, select)) {
    if (!cached->bind(1, scope).bind(2, key).bind(3, static_cast<long long>(fresh_since)).next_row()) {
      return std::nullopt;
    }
    return StoredResponse{std::string(cached->text(0)), static_cast<int>(cached->integer(1)),
                          std::string(cached->text(2))};
  }
  StoredResponse response;
  const long long since = fresh_since;
  session_ << std::string(select), soci::use(scope), soci::use(key), soci::use(since),
      soci::into(response.request_hash), soci::into(response.status_code), soci::into(response.body);
  if (!session_.got_data()) return std::nullopt;
  return response;
}

namespace {

// A new record's columns, in the order both INSERTs of store_response name them.
Write& bind_new_reply(Write& write, const std::string& scope, const std::string& key, const StoredResponse& response,
                      std::int64_t now) {
  return write.text(scope)
      .text(key)
      .text(response.request_hash)
      .integer(response.status_code)
      .text(response.body)
      .integer(now);
}

}  // namespace

void AccessRepository::store_response(const std::string& scope, const std::string& key, const StoredResponse& response,
                                      std::int64_t now, std::int64_t fresh_since) {
  if (session_.get_backend_name() == "sqlite3") {
    // One statement on the purchase path: an expired record is overwritten, a
    // fresh one is left alone and reported like a duplicate key.
    Write upsert(session_,
                 "INSERT INTO idempotency_keys (scope, idem_key, request_hash, status_code, response_body, "
                 "created_at) VALUES (:s, :k, :h, :st, :b, :c) ON CONFLICT (scope, idem_key) DO UPDATE "
                 "SET request_hash = excluded.request_hash, status_code = excluded.status_code, "
                 "response_body = excluded.response_body, created_at = excluded.created_at "
                 "WHERE idempotency_keys.created_at < :f");
    const auto stored = bind_new_reply(upsert, scope, key, response, now).integer(fresh_since).run();
    if (stored != 1) throw soci::soci_error("the idempotency key " + key + " already holds a reply");
    return;
  }
  Write(session_, "DELETE FROM idempotency_keys WHERE scope = :s AND idem_key = :k AND created_at < :f")
      .text(scope)
      .text(key)
      .integer(fresh_since)
      .run();
  Write insert(session_,
               "INSERT INTO idempotency_keys (scope, idem_key, request_hash, status_code, response_body, created_at) "
               "VALUES (:s, :k, :h, :st, :b, :c)");
  bind_new_reply(insert, scope, key, response, now).run();
}

namespace {

// Takes over a key whose record has expired: the row becomes a fresh claim.
bool take_over_expired(soci::session& session, const std::string& scope, const std::string& key,
                       const std::string& request_hash, std::int64_t now, std::int64_t fresh_since) {
  return Write(session,
               "UPDATE idempotency_keys SET request_hash = :h, status_code = 0, response_body = '', created_at = :c "
               "WHERE scope = :s AND idem_key = :k AND created_at < :f")
             .text(request_hash)
             .integer(now)
             .text(scope)
             .text(key)
             .integer(fresh_since)
             .run() == 1;
}

}  // namespace

bool AccessRepository::claim_response(const std::string& scope, const std::string& key, const std::string& request_hash,
                                      std::int64_t now, std::int64_t fresh_since) {
  const long long at = now;
  if (session_.get_backend_name() == "sqlite3") {
    // SQLite's conflict clause leaves the transaction intact, so the savepoint
    // below (two more statements on every request) is for the servers only.
    const bool inserted = Write(session_,
                                "INSERT OR IGNORE INTO idempotency_keys (scope, idem_key, request_hash, status_code, "
                                "response_body, created_at) VALUES (:s, :k, :h, 0, '', :c)")
                              .text(scope)
                              .text(key)
                              .text(request_hash)
                              .integer(at)
                              .run() == 1;
    return inserted || take_over_expired(session_, scope, key, request_hash, now, fresh_since);
  }
  // A savepoint of its own: on PostgreSQL a failed INSERT aborts the transaction.
  session_ << "SAVEPOINT idempotency_claim";
  try {
    session_ << "INSERT INTO idempotency_keys (scope, idem_key, request_hash, status_code, response_body, created_at) "
                "VALUES (:s, :k, :h, 0, '', :c)",
        soci::use(scope), soci::use(key), soci::use(request_hash), soci::use(at);
  } catch (const soci::soci_error&) {
    session_ << "ROLLBACK TO SAVEPOINT idempotency_claim";
    session_ << "RELEASE SAVEPOINT idempotency_claim";
    // A duplicate key: an expired record is taken over; a fresh one is someone
    // else's committed claim.
    if (take_over_expired(session_, scope, key, request_hash, now, fresh_since)) return true;
    if (find_response(scope, key, fresh_since)) return false;
    throw;
  }
  session_ << "RELEASE SAVEPOINT idempotency_claim";
  return true;
}

void AccessRepository::finish_response(const std::string& scope, const std::string& key,
                                       const StoredResponse& response) {
  Write(session_,
        "UPDATE idempotency_keys SET request_hash = :h, status_code = :st, response_body = :b "
        "WHERE scope = :s AND idem_key = :k")
      .text(response.request_hash)
      .integer(response.status_code)
      .text(response.body)
      .text(scope)
      .text(key)
      .run();
}

bool AccessRepository::purge_expired_responses(std::int64_t cutoff, int max_rows) {
  // The creation second of the max_rows-th oldest expired record bounds this
  // slice; without one, fewer remain and all of them go.
  long long boundary = 0;
  const long long before = cutoff;
  session_ << "SELECT created_at FROM idempotency_keys WHERE created_at < :c ORDER BY created_at LIMIT 1 OFFSET :n",
      soci::use(before), soci::use(max_rows), soci::into(boundary);
  const bool more = session_.got_data();
  Write(session_, "DELETE FROM idempotency_keys WHERE created_at <= :u").integer(more ? boundary : before - 1).run();
  return more;
}

int AccessRepository::delete_responses_of(const std::string& actor) {
  // Scopes are "<actor> <method> <path>"; compared bytewise, as no collation's rules apply.
  const std::string own_scope = actor + " ";
  const int own_length = static_cast<int>(own_scope.size());
  return static_cast<int>(Write(session_, "DELETE FROM idempotency_keys WHERE SUBSTR(scope, 1, :n) = :p")
                              .integer(own_length)
                              .text(own_scope)
                              .run());
}

std::vector<StoredReplyBody> AccessRepository::responses_containing(const std::string& text,
                                                                    const std::string& after_scope,
                                                                    const std::string& after_key, int limit) {
  const std::string contains =
      session_.get_backend_name() == "postgresql" ? "strpos(response_body, :t) > 0" : "INSTR(response_body, :t) > 0";
  StoredReplyBody row;
  return fetch_all(
      (session_.prepare << "SELECT scope, idem_key, response_body FROM idempotency_keys WHERE " + contains +
                               " AND (scope > :s1 OR (scope = :s2 AND idem_key > :k)) ORDER BY scope, idem_key "
                               "LIMIT :n",
       soci::use(text), soci::use(after_scope), soci::use(after_scope), soci::use(after_key), soci::use(limit),
       soci::into(row.scope), soci::into(row.key), soci::into(row.body)),
      row);
}

void AccessRepository::replace_response_body(const std::string& scope, const std::string& key,
                                             const std::string& body) {
  Write(session_, "UPDATE idempotency_keys SET response_body = :b WHERE scope = :s AND idem_key = :k")
      .text(body)
      .text(scope)
      .text(key)
      .run();
}

}  // namespace patron::sql
