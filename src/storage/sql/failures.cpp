#include "storage/sql/failures.h"

#include <algorithm>
#include <string>

#include <soci/mysql/soci-mysql.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace patron::sql {
namespace {

constexpr int sqlite_busy = 5, sqlite_locked = 6, sqlite_constraint = 19;
constexpr int mysql_deadlock = 1213, mysql_lock_wait_timeout = 1205;
constexpr int mysql_duplicate_entry = 1062, mysql_row_is_referenced = 1451, mysql_no_referenced_row = 1452;

FailureKind classify_mysql(unsigned int code) {
  if (code == mysql_deadlock || code == mysql_lock_wait_timeout) return FailureKind::lock_conflict;
  if (code == mysql_duplicate_entry || code == mysql_row_is_referenced || code == mysql_no_referenced_row) {
    return FailureKind::constraint;
  }
  return FailureKind::other;
}

FailureKind classify_postgresql(const std::string& state) {
  if (state == "40P01" || state == "40001" || state == "55P03") return FailureKind::lock_conflict;
  if (state.rfind("23", 0) == 0) return FailureKind::constraint;  // class 23: integrity constraint violation
  return FailureKind::other;
}

FailureKind classify_sqlite(int result) {
  const int primary = result & 0xff;  // extended result codes keep the primary one in the low byte
  if (primary == sqlite_busy || primary == sqlite_locked) return FailureKind::lock_conflict;
  if (primary == sqlite_constraint) return FailureKind::constraint;
  return FailureKind::other;
}

}  // namespace

FailureKind classify_failure(const std::exception& error) {
  if (const auto* my = dynamic_cast<const soci::mysql_soci_error*>(&error)) {
    return classify_mysql(my->err_num_);
  }
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    return classify_postgresql(pg->sqlstate());
  }
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    return classify_sqlite(lite->result());
  }
  return FailureKind::other;
}

Error error_from_failure(FailureKind kind) {
  switch (kind) {
    case FailureKind::constraint:
      return Error{
          ErrorCode::conflict, "this change collided with another saved at the same time; reload and try again", {}};
    case FailureKind::lock_conflict:
      return Error{ErrorCode::unavailable, "the database is busy; try again shortly", {}};
    case FailureKind::other:
      break;
  }
  return Error{ErrorCode::unavailable, "the database is unavailable; try again shortly", {}};
}

std::chrono::milliseconds RetryPolicy::conflict_backoff(int attempt) {
  return std::chrono::milliseconds(1 << std::clamp(attempt, 0, 6));
}

}  // namespace patron::sql
