#pragma once
// Sessions for reads, one per concurrent reader, opened on demand and reused.
// Under SQLite's WAL they read the last committed state without blocking the
// writer. A session whose server went away is dropped instead of returned.
#include <memory>
#include <mutex>
#include <vector>

#include <soci/soci.h>

#include "storage/sql/database.h"

namespace patron::sql {

class ReadPool {
 public:
  explicit ReadPool(DatabaseUrl url) : url_(std::move(url)) {}

  class Lease {
   public:
    Lease(ReadPool& pool, std::unique_ptr<soci::session> session) : pool_(pool), session_(std::move(session)) {}
    ~Lease() {
      if (session_ && !broken_) pool_.give_back(std::move(session_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& operator*() { return *session_; }
    soci::session* operator->() { return session_.get(); }
    void mark_broken() { broken_ = true; }

   private:
    ReadPool& pool_;
    std::unique_ptr<soci::session> session_;
    bool broken_ = false;
  };

  // Throws soci::soci_error when the database cannot be reached.
  Lease acquire();
  const DatabaseUrl& url() const { return url_; }

 private:
  void give_back(std::unique_ptr<soci::session> session);

  DatabaseUrl url_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<soci::session>> idle_;
};

}  // namespace patron::sql
