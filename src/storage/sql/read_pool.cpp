#include "storage/sql/read_pool.h"

namespace patron::sql {

ReadPool::Lease ReadPool::acquire() {
  {
    std::unique_lock lock(mutex_);
    if (!freed_.wait_for(lock, wait_, [this] { return !idle_.empty() || open_ < size_; })) {
      throw soci::soci_error("all " + std::to_string(size_) + " read sessions stayed busy");
    }
    if (!idle_.empty()) {
      auto session = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(session), true);
    }
    ++open_;
  }
  try {
    return Lease(*this, open_session(url_), false);
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      --open_;
    }
    freed_.notify_one();
    throw;
  }
}

std::size_t ReadPool::open_sessions() const {
  std::lock_guard lock(mutex_);
  return open_;
}

void ReadPool::give_back(std::unique_ptr<soci::session> session, bool broken) {
  std::vector<std::unique_ptr<soci::session>> closing;
  {
    std::lock_guard lock(mutex_);
    if (broken) {
      closing.swap(idle_);
      open_ -= 1 + closing.size();
    } else {
      idle_.push_back(std::move(session));
    }
  }
  freed_.notify_all();
  // `session` and `closing` close here, outside the lock.
}

}  // namespace patron::sql
