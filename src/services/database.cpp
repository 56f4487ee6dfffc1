#include "services/database.h"

#include <memory>

#include "storage/sql/changed_accounts.h"
#include "storage/sql/failures.h"
#include "storage/sql/read_pool.h"
#include "storage/sql/transactions.h"
#include "storage/sql/write_queue.h"

namespace patron::services {

Error database_unavailable() { return sql::error_from_failure(sql::FailureKind::other); }

Status Database::read(const std::function<void(Session)>& work) {
  return reads_.run([&](soci::session& session) {
    sql::ReadSnapshot snapshot(session, reads_.url().dialect);
    work(Session(session));
    snapshot.commit();
  });
}

Status Database::read_single(const std::function<void(Session)>& work) {
  return reads_.run([&](soci::session& session) { work(Session(session)); });
}

void Database::write(std::function<Status(Session)> work, std::function<void(WriteOutcome)> done) {
  // The accounts a job changes are known only once it has run, in the writer.
  auto changed = std::make_shared<std::vector<std::string>>();
  writes_.submit<Unit>(
      [work = std::move(work), changed](soci::session& session) -> Status {
        sql::ChangedAccountsScope scope;
        auto status = work(Session(session));
        *changed = scope.take();
        return status;
      },
      [changed, done = std::move(done)](Status status) {
        done(WriteOutcome{std::move(status), std::move(*changed)});
      });
}

Status Database::write_now(std::function<Status(Session)> work) {
  return writes_.run<Unit>([work = std::move(work)](soci::session& session) { return work(Session(session)); });
}

bool Database::embedded() const { return reads_.url().dialect == sql::Dialect::sqlite; }

}  // namespace patron::services
