#pragma once
// The shutdown the storage's background threads share (the write queue, its
// commit finisher, the WAL checkpointer): each waits on a condition variable
// under its mutex and leaves its loop once its stop flag is set.
#include <condition_variable>
#include <mutex>
#include <thread>

namespace patron::sql {

// Sets `stopping` under `mutex`, wakes the thread waiting on `wake` and waits
// for it to finish.
inline void stop_and_join(std::mutex& mutex, std::condition_variable& wake, bool& stopping, std::thread& thread) {
  {
    std::lock_guard lock(mutex);
    stopping = true;
  }
  wake.notify_all();
  thread.join();
}

}  // namespace patron::sql
