#pragma once
// Answers committed write jobs on a thread of its own, so the group-commit
// writer starts its next batch while the last one's replies are being built
// and sent (that work was a tenth of the writer's time per purchase).
// With a durability step (the SQLite writer's WAL sync, see wal_file.h) it
// first makes durable everything handed over so far, once for all the batches
// waiting, and only then runs their callbacks; meanwhile the writer commits
// the next batch. Callbacks run in the order their batches were handed over.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace patron::sql {

class CommitFinisher {
 public:
  // `make_durable`, when given, runs before the callbacks of any batch handed
  // over with needs_durability; it covers every batch committed before it.
  explicit CommitFinisher(std::function<void()> make_durable = nullptr);
  ~CommitFinisher();  // runs what is still pending, then stops
  CommitFinisher(const CommitFinisher&) = delete;
  CommitFinisher& operator=(const CommitFinisher&) = delete;

  using Callbacks = std::vector<std::function<void()>>;
  void finish(Callbacks batch, bool needs_durability);

  struct Stats {
    std::uint64_t durability_steps = 0;
    std::uint64_t batches = 0;
  };
  Stats stats() const;

 private:
  void loop();

  struct Pending {
    Callbacks callbacks;
    bool needs_durability;
  };

  std::function<void()> make_durable_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> pending_;
  Stats stats_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace patron::sql
