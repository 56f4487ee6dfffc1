#pragma once
// Splits [0, count) into one contiguous chunk per worker and runs them on
// threads. Spawning costs tens of microseconds, so callers pass a minimum
// chunk size below which the work stays on the calling thread.
#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace patron::analytics {

// Bound on worker threads: the machines this runs on have few cores, and a
// larger count would only add merge work.
inline constexpr unsigned kMaxWorkers = 64;

inline unsigned default_workers() {
  const unsigned hardware = std::thread::hardware_concurrency();
  return std::clamp(hardware, 1u, kMaxWorkers);
}

inline unsigned workers_for(std::size_t count, std::size_t min_chunk, unsigned workers) {
  const std::size_t useful = std::max<std::size_t>(1, count / std::max<std::size_t>(1, min_chunk));
  if (useful == 1) return 1;  // small work: no need to ask the system (a file read) for its cores
  if (workers == 0) workers = default_workers();
  return static_cast<unsigned>(std::min<std::size_t>({workers, useful, kMaxWorkers}));
}

// fn(begin, end, worker) is called once per worker with its chunk.
template <typename Fn>
void parallel_chunks(std::size_t count, unsigned workers, Fn&& fn) {
  if (workers <= 1) {
    fn(std::size_t{0}, count, 0u);
    return;
  }
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  const std::size_t chunk = (count + workers - 1) / workers;
  for (unsigned worker = 1; worker < workers; ++worker) {
    const std::size_t begin = std::min(count, worker * chunk);
    const std::size_t end = std::min(count, begin + chunk);
    threads.emplace_back([&fn, begin, end, worker] { fn(begin, end, worker); });
  }
  fn(std::size_t{0}, std::min(count, chunk), 0u);
  for (auto& thread : threads) thread.join();
}

}  // namespace patron::analytics
