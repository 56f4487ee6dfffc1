#pragma once
// The transaction shapes the HTTP layer asks for, so that it holds no SQL of
// its own: a read snapshot for one request's queries, a savepoint around one
// item of a batch, and a liveness probe.
#include <optional>
#include <string>

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

// A savepoint inside the writer's transaction: keep() releases it, and
// otherwise its changes are rolled back when it goes out of scope.
class Savepoint {
 public:
  Savepoint(soci::session& session, std::string name);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void keep();

 private:
  soci::session& session_;
  std::string name_;
  bool done_ = false;
};

// Answers whether the session still reaches its database (throws if not).
void probe(soci::session& session);

}  // namespace patron::sql
