#include "storage/sql/commit_finisher.h"

#include <spdlog/spdlog.h>

#include "storage/sql/thread_stop.h"

namespace patron::sql {

CommitFinisher::CommitFinisher(std::function<void()> make_durable)
    : make_durable_(std::move(make_durable)), thread_([this] { loop(); }) {}

CommitFinisher::~CommitFinisher() { stop_and_join(mutex_, wake_, stopping_, thread_); }

void CommitFinisher::finish(Callbacks batch, bool needs_durability) {
  {
    std::lock_guard lock(mutex_);
    pending_.push_back({std::move(batch), needs_durability});
  }
  wake_.notify_one();
}

CommitFinisher::Stats CommitFinisher::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void CommitFinisher::loop() {
  for (;;) {
    std::deque<Pending> ready;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (pending_.empty()) return;  // stopping, and nothing left to answer
      ready.swap(pending_);
    }
    bool needs_durability = false;
    for (const auto& batch : ready) needs_durability = needs_durability || batch.needs_durability;
    if (needs_durability && make_durable_) make_durable_();
    {
      std::lock_guard lock(mutex_);
      stats_.durability_steps += needs_durability && make_durable_ ? 1 : 0;
      stats_.batches += ready.size();
    }
    for (auto& batch : ready) {
      for (auto& callback : batch.callbacks) {
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
