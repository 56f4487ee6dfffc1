#include "storage/sql/transactions.h"

#include <string>

namespace patron::sql {

ReadSnapshot::ReadSnapshot(soci::session& session, Dialect dialect) {
  if (dialect == Dialect::mysql) session << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
  transaction_.emplace(session);
  if (dialect == Dialect::postgresql) session << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
}

void open_savepoint(soci::session& session, std::string_view name) { session << "SAVEPOINT " + std::string(name); }

void close_savepoint(soci::session& session, std::string_view name, bool keep) {
  if (!keep) session << "ROLLBACK TO SAVEPOINT " + std::string(name);
  session << "RELEASE SAVEPOINT " + std::string(name);
}

void probe(soci::session& session) {
  int one = 0;
  session << "SELECT 1", soci::into(one);
}

}  // namespace patron::sql
