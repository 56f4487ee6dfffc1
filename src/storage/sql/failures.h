#pragma once
// The SQL adapter's boundary: what a SOCI error means, and the one retry
// policy built on that. Repositories throw soci_error; the read pool and the
// write queue catch it here and hand the layers above an Error value:
//   - lock_conflict: a deadlock, lock wait timeout or busy database that a
//     retry resolves (MySQL 1213/1205; PostgreSQL 40P01, 40001, 55P03; SQLite
//     BUSY/LOCKED). Retried; still failing, it is `unavailable`.
//   - constraint: the write collided with a row saved meanwhile (a unique,
//     foreign or check key: MySQL 1062/1451/1452, PostgreSQL class 23,
//     SQLite CONSTRAINT). A `conflict`: the request may be sent again after
//     a fresh read.
//   - anything else (a server gone, a broken connection): `unavailable`.
// Rows that are absent are not errors here: repositories return nullopt and
// services answer not_found in their own words.
#include <chrono>
#include <exception>

#include "domain/result.h"

namespace patron::sql {

enum class FailureKind { lock_conflict, constraint, other };

FailureKind classify_failure(const std::exception& error);
inline bool is_lock_conflict(const std::exception& error) {
  return classify_failure(error) == FailureKind::lock_conflict;
}

// The Error a request gets for a failure that retries did not resolve. It
// never repeats the database's own message (it may name tables or values).
Error error_from_failure(FailureKind kind);

// The retry policy of the SQL adapter, in one place.
struct RetryPolicy {
  // A read that fails on a session taken from the idle list runs once more on
  // a fresh one: the server may have restarted since that session's last use.
  static constexpr int read_attempts_on_reused_session = 2;
  // A batch of writes that meets a lock conflict runs again one job at a
  // time, each in its own transaction, up to this many times each.
  static constexpr int max_conflict_retries = 8;
  // The wait before a job's next try: 1, 2, 4 ... 64 ms.
  static std::chrono::milliseconds conflict_backoff(int attempt);
  // A writer session whose BEGIN fails is replaced once per batch.
  static constexpr int begin_attempts = 2;
};

}  // namespace patron::sql
