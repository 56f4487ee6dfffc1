#pragma once
// Sessions for reads, at most `size` open at once (DATABASE_POOL_SIZE), opened
// on demand and reused. Under SQLite's WAL they read the last committed state
// without blocking the writer. A session whose server went away is dropped
// instead of returned, and the idle ones with it: after a server restart they
// are all dead, and the next reader should not have to find that out one by one.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include <soci/soci.h>

#include "domain/result.h"
#include "storage/sql/database.h"
#include "storage/sql/failures.h"

namespace patron::sql {

inline constexpr std::size_t default_pool_size = 8;

class ReadPool {
 public:
  explicit ReadPool(DatabaseUrl url, std::size_t size = default_pool_size,
                    std::chrono::milliseconds wait = std::chrono::milliseconds(5000))
      : url_(std::move(url)), size_(size == 0 ? 1 : size), wait_(wait) {}

  class Lease {
   public:
    Lease(ReadPool& pool, std::unique_ptr<soci::session> session, bool reused)
        : pool_(pool), session_(std::move(session)), reused_(reused) {}
    ~Lease() {
      if (session_) pool_.give_back(std::move(session_), broken_);
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& operator*() { return *session_; }
    soci::session* operator->() { return session_.get(); }
    // The session failed: close it, and the idle ones too (see above).
    void mark_broken() { broken_ = true; }
    // Taken from the idle list, so it may have gone stale since its last use.
    bool reused() const { return reused_; }

   private:
    ReadPool& pool_;
    std::unique_ptr<soci::session> session_;
    bool reused_;
    bool broken_ = false;
  };

  // Waits up to `wait` for a free slot. Throws soci::soci_error when the
  // database cannot be reached or every session stayed busy.
  Lease acquire();

  // Runs work(session) on a leased session, retried as RetryPolicy says: a
  // session from the idle list may have died with a server restart, so a
  // failure on it is retried once on a fresh one. A database that stays
  // unreachable is an Error value (failures.h), not an exception.
  template <typename Work>
  Status run(Work&& work) {
    for (int attempt = 1;; ++attempt) {
      try {
        auto lease = acquire();
        try {
          work(*lease);
          return Unit{};
        } catch (const soci::soci_error&) {
          lease.mark_broken();
          if (!lease.reused() || attempt >= RetryPolicy::read_attempts_on_reused_session) throw;
        }
      } catch (const soci::soci_error& e) {
        return error_from_failure(classify_failure(e));
      }
    }
  }
  const DatabaseUrl& url() const { return url_; }
  std::size_t size() const { return size_; }
  std::size_t open_sessions() const;

 private:
  void give_back(std::unique_ptr<soci::session> session, bool broken);

  DatabaseUrl url_;
  std::size_t size_;
  std::chrono::milliseconds wait_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<soci::session>> idle_;
  std::size_t open_ = 0;  // idle + leased
};

}  // namespace patron::sql
