#include "storage/sql/write_queue.h"

#include <algorithm>
#include <chrono>
#include <string>

#include <spdlog/spdlog.h>

#include "storage/sql/sqlite_wal_vfs.h"
#include "storage/sql/statement_cache.h"
#include "storage/sql/thread_stop.h"

namespace patron::sql {
namespace {

const Error unavailable = error_from_failure(FailureKind::other);
const Error overloaded{ErrorCode::unavailable, "too many writes are waiting; try again shortly", {}};

// Thrown out of a batch when a job met a lock conflict (see is_lock_conflict).
struct LockConflict {
  std::string what;
};

void rollback_quietly(soci::session& session) {
  try {
    session.rollback();
  } catch (...) {
  }
}

// Each job runs under a savepoint, so SQLite keeps the first image of every page
// a job changes in a statement journal; past 64 KiB it spills that journal to
// a temporary file, which cost a quarter of the writer's time in a batch of
// purchases. In memory it never touches the disk; it is emptied as each job
// releases its savepoint, so it holds one job's pages at most.
// In WAL mode the writer's COMMIT writes its frames but leaves their fsync to
// the finisher, which fdatasyncs the log before any reply (sqlite_wal_vfs.h,
// wal_file.h): answered writes are as durable as ever, and the writer runs the
// next batch during the sync. Answers whether that is so (not where WAL is
// refused; SQLite then syncs at COMMIT itself).
bool configure_sqlite_writer(soci::session& session) {
  session << "PRAGMA wal_autocheckpoint=" + std::to_string(writer_autocheckpoint_pages);
  session << "PRAGMA temp_store=MEMORY";
  session << "PRAGMA synchronous=FULL";
  // Tells a checkpoint's syncs from a COMMIT's, so that only the latter are
  // left to the finisher (see sqlite_wal_vfs.h).
  session << "PRAGMA checkpoint_fullfsync=ON";
  std::string journal_mode;
  session << "PRAGMA journal_mode", soci::into(journal_mode);
  return journal_mode == "wal";
}

}  // namespace

WriteQueue::WriteQueue(DatabaseUrl url)
    : url_(std::move(url)),
      wal_(url_.dialect == Dialect::sqlite ? std::make_unique<WalFile>(url_.path) : nullptr),
      finisher_(wal_ ? std::function<void()>([wal = wal_.get()] { wal->sync(); }) : nullptr) {
  if (url_.dialect == Dialect::sqlite) checkpointer_ = std::make_unique<WalCheckpointer>(url_, wal_checkpoint_interval);
  thread_ = std::thread([this] { loop(); });
}

WriteQueue::~WriteQueue() { stop_and_join(mutex_, wake_, stopping_, thread_); }

void WriteQueue::enqueue(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() < max_queued && !stopping_) {
      queue_.push_back(std::move(job));
      wake_.notify_one();
      return;
    }
  }
  job.complete(false, overloaded);
}

WriteQueue::Stats WriteQueue::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void WriteQueue::drop_session() {
  statements_.reset();  // its statements belong to the session's connection
  session_.reset();
}

bool WriteQueue::ensure_session() {
  if (session_) return true;
  try {
    session_ = open_session(url_);
    if (url_.dialect == Dialect::sqlite) {
      commits_need_wal_sync_ = configure_sqlite_writer(*session_);
      statements_ = std::make_unique<StatementCache>(*session_);
    }
    return true;
  } catch (const std::exception& e) {
    spdlog::warn("writer cannot connect to the database: {}", e.what());
    return false;
  }
}

void WriteQueue::loop() {
  mark_thread_as_group_committer();
  for (;;) {
    std::deque<Job> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      while (!queue_.empty() && batch.size() < max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    run_batch(batch);
  }
}

// A session kept from an earlier batch may have died with a server restart;
// BEGIN finds that out before any job ran, so a new session is tried
// (RetryPolicy::begin_attempts in all).
bool WriteQueue::begin_batch() {
  for (int attempt = 1; attempt <= RetryPolicy::begin_attempts; ++attempt) {
    if (!ensure_session()) return false;
    try {
      session_->begin();
      return true;
    } catch (const std::exception& e) {
      spdlog::warn("writer cannot begin a transaction ({}); reconnecting", e.what());
      drop_session();
    }
  }
  return false;
}

void WriteQueue::run_batch(std::deque<Job>& batch) {
  if (!begin_batch()) {
    for (auto& job : batch) job.complete(false, unavailable);
    return;
  }
  try {
    StatementCacheScope cached(statements_.get());
    if (!statements_ || !run_jobs_without_savepoints(batch)) {
      if (statements_) {  // a failed job had written: start again, each job under a savepoint
        session_->rollback();
        session_->begin();
      }
      run_jobs_with_savepoints(batch);
    }
    session_->commit();
  } catch (const LockConflict& conflict) {
    spdlog::info("batch of {} writes met a lock conflict ({}); running them one by one", batch.size(), conflict.what);
    rollback_quietly(*session_);
    run_one_by_one(batch);
    return;
  } catch (const std::exception& e) {
    if (is_lock_conflict(e)) {  // at COMMIT (PostgreSQL serialization failures surface there)
      spdlog::info("batch of {} writes met a lock conflict ({}); running them one by one", batch.size(), e.what());
      rollback_quietly(*session_);
      run_one_by_one(batch);
      return;
    }
    spdlog::error("batch of {} writes failed: {}", batch.size(), e.what());
    try {
      session_->rollback();
    } catch (...) {
    }
    drop_session();  // reconnect on the next batch (the server may have restarted)
    for (auto& job : batch) job.complete(false, unavailable);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    stats_.batches += 1;
    stats_.jobs += batch.size();
  }
  hand_over(batch);
}

Error WriteQueue::job_failure(const soci::soci_error& error) {
  const auto kind = classify_failure(error);
  spdlog::error("write failed: {}", error.what());
  return error_from_failure(kind);
}

// Each job under its own savepoint, so that a failed one rolls back alone.
void WriteQueue::run_jobs_with_savepoints(std::deque<Job>& batch) {
  for (auto& job : batch) {
    Write(*session_, "SAVEPOINT job").run();
    bool ok = false;
    try {
      ok = job.run(*session_);
    } catch (const soci::soci_error& e) {  // only lock conflicts leave a job (submit)
      throw LockConflict{e.what()};
    }
    if (!ok) Write(*session_, "ROLLBACK TO SAVEPOINT job").run();
    Write(*session_, "RELEASE SAVEPOINT job").run();
  }
}

// SQLite: jobs nearly always either succeed or fail before their first write
// (validation, an unknown customer, too few points), and then nothing needs
// undoing; the two savepoint statements were a tenth of a purchase's. False
// when a failed job had changed rows (counted by SQLite): the caller rolls the
// batch back and runs it again with savepoints. Jobs may run more than once.
bool WriteQueue::run_jobs_without_savepoints(std::deque<Job>& batch) {
  for (auto& job : batch) {
    const auto changes_before = statements_->total_changes();
    bool ok = false;
    try {
      ok = job.run(*session_);
    } catch (const soci::soci_error& e) {  // only lock conflicts leave a job (submit)
      throw LockConflict{e.what()};
    }
    if (!ok && statements_->total_changes() != changes_before) return false;
  }
  return true;
}

// Committed jobs are answered on the finisher's thread (after the WAL sync that
// makes them durable, on SQLite); the writer moves on.
void WriteQueue::hand_over(std::deque<Job>& committed) {
  CommitFinisher::Callbacks callbacks;
  callbacks.reserve(committed.size());
  for (auto& job : committed) {
    callbacks.emplace_back([complete = std::move(job.complete)] { complete(true, unavailable); });
  }
  finisher_.finish(std::move(callbacks), commits_need_wal_sync_);
}

// Each job in its own transaction, so it holds no lock while another job waits;
// a job that still meets a lock conflict is rolled back and run again.
void WriteQueue::run_one_by_one(std::deque<Job>& batch) {
  for (auto& job : batch) {
    bool finished = false;
    for (int attempt = 0; !finished; ++attempt) {
      if (!ensure_session()) {
        job.complete(false, unavailable);
        break;
      }
      try {
        session_->begin();
        bool ok = false;
        try {
          StatementCacheScope cached(statements_.get());
          ok = job.run(*session_);
        } catch (const soci::soci_error& e) {  // a lock conflict (submit); the transaction is retried below
          if (attempt < RetryPolicy::max_conflict_retries) throw;
          spdlog::error("write failed: {}", e.what());
        }
        if (ok) {
          session_->commit();
        } else {
          session_->rollback();
        }
        {
          std::lock_guard lock(mutex_);
          stats_.batches += 1;
          stats_.jobs += 1;
        }
        std::deque<Job> one;
        one.push_back(std::move(job));
        hand_over(one);
        finished = true;
      } catch (const std::exception& e) {
        rollback_quietly(*session_);
        if (is_lock_conflict(e) && attempt < RetryPolicy::max_conflict_retries) {
          std::this_thread::sleep_for(RetryPolicy::conflict_backoff(attempt));
          continue;
        }
        spdlog::error("write failed: {}", e.what());
        drop_session();
        job.complete(false, unavailable);
        finished = true;
      }
    }
  }
}

}  // namespace patron::sql
