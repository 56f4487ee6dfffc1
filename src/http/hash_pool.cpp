#include "http/hash_pool.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

#include <spdlog/spdlog.h>

namespace patron::http {
namespace {

// SCHED_IDLE: the thread runs only on CPU time that no normal thread wants, and
// a woken normal thread preempts it at once (a nice-19 thread may keep the CPU
// until the scheduler's next tick, which showed in purchases' p99). Falls back
// to nice 19 where SCHED_IDLE is refused.
void lower_this_threads_priority() {
  sched_param idle{};
  if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle) == 0) return;
  // On Linux a thread's nice value is its own (setpriority on its thread id).
  if (setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), password_thread_nice) != 0) {
    spdlog::warn("password pool: could not lower this thread's priority; hashing competes with purchases");
  }
}

}  // namespace

std::size_t default_password_threads() { return std::max(1u, std::thread::hardware_concurrency() / 2); }

HashPool::HashPool(std::size_t threads, std::size_t max_queued) : max_queued_(max_queued) {
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

HashPool::~HashPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
}

bool HashPool::try_submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || jobs_.size() >= max_queued_) return false;
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

std::size_t HashPool::queued() const {
  std::lock_guard lock(mutex_);
  return jobs_.size();
}

void HashPool::run() {
  lower_this_threads_priority();
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

void run_password_work(HashPool& pool, const ExchangePtr& ex, std::function<void()> work) {
  const bool queued = pool.try_submit([ex, work = std::move(work)] {
    try {
      work();
    } catch (const std::exception& e) {
      spdlog::error("{} {} failed while hashing: {}", ex->method, ex->path, e.what());
      ex->fail({ErrorCode::internal, "an unexpected error occurred", {}});
    }
  });
  if (!queued) {
    ex->fail_with_retry({ErrorCode::unavailable, "too many sign-ups and logins at once; try again shortly", {}},
                        password_retry_after_seconds);
  }
}

}  // namespace patron::http
