#pragma once
// Answers committed write jobs on a thread of its own, so the group-commit
// writer starts its next batch while the last one's replies are being built
// and sent (that work was a tenth of the writer's time per purchase).
// Callbacks run in the order their batches were handed over.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace patron::sql {

class CommitFinisher {
 public:
  CommitFinisher();
  ~CommitFinisher();  // runs what is still pending, then stops
  CommitFinisher(const CommitFinisher&) = delete;
  CommitFinisher& operator=(const CommitFinisher&) = delete;

  using Callbacks = std::vector<std::function<void()>>;
  void finish(Callbacks batch);

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Callbacks> pending_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace patron::sql
