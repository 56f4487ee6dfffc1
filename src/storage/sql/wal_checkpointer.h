#pragma once
// Moves SQLite's WAL checkpoints off the group-commit writer. By default the
// connection that commits past wal_autocheckpoint pages copies the WAL back
// into the database file (and fsyncs it) before its COMMIT returns, so every
// so often one batch of requests waited for a checkpoint. This thread runs
// PASSIVE checkpoints (they never block readers or the writer) on its own
// connection; the writer keeps a high autocheckpoint only as a safety net.
// Measured with bench/load/run.sh on an idle machine: raising the writer's
// autocheckpoint alone took durable purchases from 4,110 to 4,794/s in an A/B
// pair; with this thread, runs gave 3,799-3,947/s against 3,112-3,815 before.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <soci/soci.h>

#include "storage/sql/database.h"

namespace patron::sql {

// The writer's own autocheckpoint while a checkpointer runs (pages of WAL).
inline constexpr int writer_autocheckpoint_pages = 20'000;

class WalCheckpointer {
 public:
  WalCheckpointer(DatabaseUrl url, std::chrono::milliseconds interval);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  void loop();
  void checkpoint();

  DatabaseUrl url_;
  std::chrono::milliseconds interval_;
  std::unique_ptr<soci::session> session_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace patron::sql
