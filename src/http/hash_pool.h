#pragma once
// Password hashing and verification (Argon2id, ~20 ms of CPU and 19 MiB each)
// run here, on a small pool of their own at the lowest CPU priority, never on
// the group-commit writer or the HTTP threads: a flood of sign-ups or logins
// then slows sign-ups and logins, not purchases. The pool has half the cores,
// so hashing never holds them all (and Argon2's memory sweeps never run on
// every core at once); the queue is bounded, and when it is full the request
// is refused at once (503 with Retry-After) rather than left to wait behind
// thousands of others. bench/load/signup_flood.sh measures the effect.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "http/exchange.h"

namespace patron::http {

// Half the cores, at least one.
std::size_t default_password_threads();
// About a second of hashing on one idle core; beyond it a client is told to come back.
inline constexpr std::size_t max_queued_password_jobs = 32;
inline constexpr int password_retry_after_seconds = 2;
// The pool's threads run as SCHED_IDLE, or where that is refused at this nice
// value (the lowest priority a normal thread can have): they get the CPU that
// purchases leave.
inline constexpr int password_thread_nice = 19;

class HashPool {
 public:
  explicit HashPool(std::size_t threads = default_password_threads(),
                    std::size_t max_queued = max_queued_password_jobs);
  ~HashPool();  // finishes the job each thread is running; queued ones are dropped
  HashPool(const HashPool&) = delete;
  HashPool& operator=(const HashPool&) = delete;

  // Queues `job`; false (and `job` dropped) when the queue is full.
  bool try_submit(std::function<void()> job);
  std::size_t queued() const;

 private:
  void run();

  const std::size_t max_queued_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// Runs `work` on the pool for this request; answers 503 `unavailable` with
// Retry-After when the pool is full, and 500 if `work` throws.
void run_password_work(HashPool& pool, const ExchangePtr& ex, std::function<void()> work);

}  // namespace patron::http
