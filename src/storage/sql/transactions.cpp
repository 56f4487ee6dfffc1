#include "storage/sql/transactions.h"

namespace patron::sql {

ReadSnapshot::ReadSnapshot(soci::session& session, Dialect dialect) {
  if (dialect == Dialect::mysql) session << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
  transaction_.emplace(session);
  if (dialect == Dialect::postgresql) session << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
}

Savepoint::Savepoint(soci::session& session, std::string name) : session_(session), name_(std::move(name)) {
  session_ << "SAVEPOINT " + name_;
}

Savepoint::~Savepoint() {
  if (done_) return;
  try {
    session_ << "ROLLBACK TO SAVEPOINT " + name_;
    session_ << "RELEASE SAVEPOINT " + name_;
  } catch (...) {
    // The transaction itself failed; the writer rolls it back as a whole.
  }
}

void Savepoint::keep() {
  session_ << "RELEASE SAVEPOINT " + name_;
  done_ = true;
}

void probe(soci::session& session) {
  int one = 0;
  session << "SELECT 1", soci::into(one);
}

}  // namespace patron::sql
