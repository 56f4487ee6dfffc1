#pragma once
// The SOCI adapter of the AccessStore port (storage/sql/access_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <optional>
#include <string>
#include <vector>

#include "storage/sql/access_store.h"

namespace patron::sql {

class AccessRepository final : public AccessStore {
 public:
  explicit AccessRepository(soci::session& session) : session_(session) {}

  void insert_refresh_token(const RefreshTokenRecord& token, const std::string& token_hash, std::int64_t now) override;
  std::optional<RefreshTokenRecord> find_refresh_token(const std::string& token_hash) override;
  void mark_spent(const std::string& token_id) override;
  void revoke_family(const std::string& family_id) override;
  void revoke_all_for_user(const std::string& user_id, const std::string& except_family) override;

  void insert_api_key(const ApiKeyRecord& key, const std::string& key_hash, std::int64_t now) override;
  std::optional<ApiKeyRecord> find_api_key(const std::string& key_hash) override;
  Page<ApiKeyRecord> list_api_keys(int limit, const std::string& after_id) override;
  bool revoke_api_key(const std::string& id) override;

  // Idempotency records. A record created before `fresh_since` (the server's
  // retention, 24 h) counts as absent: it is not replayed, and the key is
  // taken over by the next request that uses it.
  //
  // can_store_after_work() is true on SQLite, where a key looked up and then
  // stored by one job cannot be taken in between: the write queue is the
  // process's only writer, and a transaction whose snapshot another process
  // has committed past cannot write (SQLITE_BUSY_SNAPSHOT, run again as a lock
  // conflict). There a new key costs one lookup and one INSERT of the finished
  // reply; on the servers it is claimed first (claim_response), so that
  // another process waits.
  bool can_store_after_work() const override;
  std::optional<StoredResponse> find_response(const std::string& scope, const std::string& key,
                                              std::int64_t fresh_since) override;
  // Stores a finished reply; an expired record of the key is replaced, a fresh
  // one makes it throw (as a duplicate key would).
  void store_response(const std::string& scope, const std::string& key, const StoredResponse& response,
                      std::int64_t now, std::int64_t fresh_since) override;
  // Claims the key for a request about to run (a row with status 0, finished by
  // finish_response in the same transaction); an expired record of the key is
  // taken over. False when another transaction holds the key: on a server this
  // waits until that transaction ends, so two processes given the same key at
  // once run the request once and the second replays the first's reply. Other
  // failures are thrown.
  bool claim_response(const std::string& scope, const std::string& key, const std::string& request_hash,
                      std::int64_t now, std::int64_t fresh_since) override;
  void finish_response(const std::string& scope, const std::string& key, const StoredResponse& response) override;

  // Deletes the oldest records created before `cutoff`: about `max_rows` of
  // them (all of the last second reached), so one call holds the writer
  // briefly. True when more expired records remain.
  bool purge_expired_responses(std::int64_t cutoff, int max_rows) override;

  // Erasure. The records of one actor's own scope ("<actor> <method> <path>")
  // go; replies stored under other scopes are found by a text they contain,
  // a page after (after_scope, after_key) at a time, and rewritten in place.
  int delete_responses_of(const std::string& actor) override;
  std::vector<StoredReplyBody> responses_containing(const std::string& text, const std::string& after_scope,
                                                    const std::string& after_key, int limit) override;
  void replace_response_body(const std::string& scope, const std::string& key, const std::string& body) override;

 private:
  soci::session& session_;
};

}  // namespace patron::sql
