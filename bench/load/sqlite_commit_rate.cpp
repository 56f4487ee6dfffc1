// Durable single-row commits per second on this disk: WAL, synchronous=FULL,
// one INSERT per transaction, as a naive one-commit-per-purchase server would
// do. Usage: sqlite_commit_rate DB_PATH [SECONDS]
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

bool exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  std::fprintf(stderr, "sqlite: %s (%s)\n", message ? message : "?", sql);
  sqlite3_free(message);
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB_PATH [SECONDS]\n", argv[0]);
    return 2;
  }
  const double seconds = argc > 2 ? std::atof(argv[2]) : 5.0;
  std::remove(argv[1]);
  sqlite3* db = nullptr;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
  if (!exec(db, "PRAGMA journal_mode=WAL") || !exec(db, "PRAGMA synchronous=FULL") ||
      !exec(db, "CREATE TABLE rows(id INTEGER PRIMARY KEY, customer TEXT NOT NULL, points INTEGER NOT NULL)")) {
    return 1;
  }
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO rows(customer, points) VALUES (?, ?)", -1, &insert, nullptr);
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::duration<double>(seconds);
  long long commits = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    sqlite3_bind_text(insert, 1, "customer-0001", -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert, 2, commits);
    if (sqlite3_step(insert) != SQLITE_DONE) return 1;  // autocommit: one transaction, one fsync
    sqlite3_reset(insert);
    ++commits;
  }
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sqlite3_finalize(insert);
  sqlite3_close(db);
  std::printf("{\"commits\": %lld, \"seconds\": %.3f, \"commits_per_second\": %.1f}\n", commits, elapsed,
              commits / elapsed);
  return 0;
}
