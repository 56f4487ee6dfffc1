#pragma once
// Group commit. One thread owns the write session; requests' mutations queue
// here, and the thread runs as many as are waiting (up to max_batch) inside one
// transaction, each under its own savepoint so a failed one rolls back alone
// (on SQLite without savepoints first: only a failed job that had written makes
// the batch run again with them).
// One COMMIT then ends the whole batch, and one fsync makes it durable; only
// after that is each request answered. Durability is never relaxed: a
// mutation's callback runs only once its commit is on disk. On the servers the
// COMMIT itself waits for their log flush; on SQLite the fsync of the WAL runs
// on the finisher's thread while the writer starts the next batch (see
// wal_file.h), and one fsync may cover several batches.
// On a server, another process's writer may lock the same rows: when the
// database aborts a batch on a deadlock or lock timeout, its jobs run again,
// each in its own transaction, so that no lock is held across jobs.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <future>
#include <optional>

#include <soci/soci.h>

#include "domain/result.h"
#include "storage/sql/commit_finisher.h"
#include "storage/sql/database.h"
#include "storage/sql/failures.h"
#include "storage/sql/statement_cache.h"
#include "storage/sql/wal_file.h"
#include "storage/sql/wal_checkpointer.h"

namespace patron::sql {

inline constexpr std::size_t max_batch = 256;
inline constexpr std::size_t max_queued = 16'384;
inline constexpr std::chrono::milliseconds wal_checkpoint_interval{250};

class WriteQueue {
 public:
  explicit WriteQueue(DatabaseUrl url);
  ~WriteQueue();
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Runs `work` in the writer thread inside a transaction; `done` receives its
  // result once committed, on the finisher's thread (a failure to run or commit
  // may be answered on the writer's).
  template <typename T>
  void submit(std::function<Result<T>(soci::session&)> work, std::function<void(Result<T>)> done) {
    auto outcome = std::make_shared<std::optional<Result<T>>>();
    Job job;
    job.run = [work = std::move(work), outcome](soci::session& session) {
      outcome->reset();  // a job may run again after a lock conflict
      try {
        outcome->emplace(work(session));
      } catch (const soci::soci_error& e) {
        if (is_lock_conflict(e)) throw;  // the batch's to retry (RetryPolicy)
        outcome->emplace(job_failure(e));
      }
      return outcome->value().ok();
    };
    job.complete = [done = std::move(done), outcome](bool committed, const Error& failure) {
      if (!outcome->has_value() || (outcome->value().ok() && !committed)) {
        done(Result<T>(failure));
      } else {
        done(std::move(outcome->value()));
      }
    };
    enqueue(std::move(job));
  }

  // Blocking form for the CLI and tests.
  template <typename T>
  Result<T> run(std::function<Result<T>(soci::session&)> work) {
    std::promise<Result<T>> promise;
    auto future = promise.get_future();
    submit<T>(std::move(work), [&promise](Result<T> result) { promise.set_value(std::move(result)); });
    return future.get();
  }

  struct Stats {
    std::uint64_t batches = 0;
    std::uint64_t jobs = 0;
  };
  Stats stats() const;
  // How many WAL syncs answered how many batches (SQLite), for tests and metrics.
  CommitFinisher::Stats finisher_stats() const { return finisher_.stats(); }

 private:
  // A job's SQL error as its answer (failures.h), logged with the database's own words.
  static Error job_failure(const soci::soci_error& error);

  struct Job {
    std::function<bool(soci::session&)> run;  // true when the job's work succeeded
    std::function<void(bool committed, const Error& failure)> complete;
  };

  void enqueue(Job job);
  void loop();
  bool begin_batch();
  void run_batch(std::deque<Job>& batch);
  void run_one_by_one(std::deque<Job>& batch);
  void run_jobs_with_savepoints(std::deque<Job>& batch);
  bool run_jobs_without_savepoints(std::deque<Job>& batch);
  void hand_over(std::deque<Job>& committed);
  bool ensure_session();
  void drop_session();

  DatabaseUrl url_;
  std::unique_ptr<WalCheckpointer> checkpointer_;  // SQLite only
  std::unique_ptr<soci::session> session_;
  std::unique_ptr<StatementCache> statements_;  // SQLite only; dropped before session_
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  Stats stats_;
  bool commits_need_wal_sync_ = false;  // the writer's COMMITs leave their WAL fsync to the finisher
  std::unique_ptr<WalFile> wal_;        // SQLite only
  CommitFinisher finisher_;  // declared before thread_: it outlives the writer
  std::thread thread_;
};

}  // namespace patron::sql
