#pragma once
// The transaction shapes the HTTP layer asks for, so that it holds no SQL of
// its own: a read snapshot for one request's queries, a savepoint around one
// item of a batch, and a liveness probe.
#include <optional>
#include <string_view>

#include <soci/soci.h>

#include "storage/sql/database.h"

namespace patron::sql {

// One read transaction: the queries made under it see one snapshot, and
// SQLite takes its read lock once instead of once per statement. The servers'
// sessions default to READ COMMITTED (a snapshot per statement), so this asks
// for REPEATABLE READ: MySQL before BEGIN, PostgreSQL right after. Rolled back
// unless committed.
class ReadSnapshot {
 public:
  ReadSnapshot(soci::session& session, Dialect dialect);
  void commit() { transaction_->commit(); }

 private:
  std::optional<soci::transaction> transaction_;
};

void open_savepoint(soci::session& session, std::string_view name);
// Releases the savepoint, after rolling back to it unless `keep`.
void close_savepoint(soci::session& session, std::string_view name, bool keep);

// Runs `attempt` (which returns a Result) inside a savepoint of the writer's
// transaction and keeps its changes only when it succeeds, so one failed item
// of a batch leaves the others. A throw leaves the savepoint open on purpose:
// it ends the write job, and the writer rolls the whole transaction back.
template <typename Attempt>
auto kept_if_ok(soci::session& session, std::string_view name, Attempt&& attempt) {
  open_savepoint(session, name);
  auto outcome = attempt();
  close_savepoint(session, name, outcome.ok());
  return outcome;
}

// Answers whether the session still reaches its database (throws if not).
void probe(soci::session& session);

}  // namespace patron::sql
