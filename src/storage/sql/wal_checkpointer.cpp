#include "storage/sql/wal_checkpointer.h"

#include <spdlog/spdlog.h>

#include "storage/sql/thread_stop.h"

namespace patron::sql {

WalCheckpointer::WalCheckpointer(DatabaseUrl url, std::chrono::milliseconds interval)
    : url_(std::move(url)), interval_(interval) {
  thread_ = std::thread([this] { loop(); });
}

WalCheckpointer::~WalCheckpointer() { stop_and_join(mutex_, wake_, stopping_, thread_); }

void WalCheckpointer::loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    checkpoint();
    lock.lock();
  }
}

void WalCheckpointer::checkpoint() {
  try {
    if (!session_) session_ = open_session(url_);
    int busy = 0, wal_pages = 0, checkpointed = 0;
    *session_ << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(wal_pages), soci::into(checkpointed);
  } catch (const std::exception& e) {
    spdlog::warn("WAL checkpoint failed (the writer's own autocheckpoint still runs): {}", e.what());
    session_.reset();
  }
}

}  // namespace patron::sql
