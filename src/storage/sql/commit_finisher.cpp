#include "storage/sql/commit_finisher.h"

#include <spdlog/spdlog.h>

namespace patron::sql {

CommitFinisher::CommitFinisher() : thread_([this] { loop(); }) {}

CommitFinisher::~CommitFinisher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void CommitFinisher::finish(Callbacks batch) {
  {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(batch));
  }
  wake_.notify_one();
}

void CommitFinisher::loop() {
  for (;;) {
    std::deque<Callbacks> ready;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (pending_.empty()) return;  // stopping, and nothing left to answer
      ready.swap(pending_);
    }
    for (auto& batch : ready) {
      for (auto& callback : batch) {
        try {
          callback();
        } catch (const std::exception& e) {
          spdlog::error("answering a committed write failed: {}", e.what());
        }
      }
    }
  }
}

}  // namespace patron::sql
