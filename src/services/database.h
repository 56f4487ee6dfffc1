#pragma once
// The one door to SQL for the layers above the services (src/http, the
// server's wiring): reads on a pooled session inside one snapshot, and writes
// queued for group commit. Those layers hold a Session only to hand it to a
// service; they never see the SQL library, a repository or a SQL error: every
// database failure reaches them as an `unavailable` Error.
#include <functional>
#include <string>
#include <vector>

#include "domain/result.h"
#include "services/session.h"

namespace patron::sql {
class ReadPool;
class WriteQueue;
}  // namespace patron::sql

namespace patron::services {

// The answer for a database that cannot be reached (failures.h words it once).
Error database_unavailable();

// What a write changed besides its result: the customers whose account views
// (balance, tier, profile) a cache must drop now that the write committed.
struct WriteOutcome {
  Status status;
  std::vector<std::string> changed_accounts;
};

class Database {
 public:
  Database(sql::WriteQueue& writes, sql::ReadPool& reads) : writes_(writes), reads_(reads) {}

  // Runs `work` on a read session; its queries see one committed state. A
  // failing database, after the read pool's one retry, is `unavailable`.
  Status read(const std::function<void(Session)>& work);
  // As read(), for work of a single statement, which needs no snapshot.
  Status read_single(const std::function<void(Session)>& work);

  // Queues `work` for group commit; `done` runs once it is durable (or failed),
  // on the writer's side. The work may run again after a lock conflict.
  void write(std::function<Status(Session)> work, std::function<void(WriteOutcome)> done);
  // Blocking form, for maintenance work that is not a request.
  Status write_now(std::function<Status(Session)> work);

  // Whether the database is the embedded file (SQLite), whose only writer is
  // this process: caches of account views then need no time limit.
  bool embedded() const;

 private:
  sql::WriteQueue& writes_;
  sql::ReadPool& reads_;
};

}  // namespace patron::services
