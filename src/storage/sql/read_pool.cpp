#include "storage/sql/read_pool.h"

namespace patron::sql {

ReadPool::Lease ReadPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto session = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(session));
    }
  }
  return Lease(*this, open_session(url_));
}

void ReadPool::give_back(std::unique_ptr<soci::session> session) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(session));
}

}  // namespace patron::sql
