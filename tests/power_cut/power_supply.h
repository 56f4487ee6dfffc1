#pragma once
// The power of a simulated disk (power_cut_fs.h for RocksDB, power_cut_vfs.h
// for SQLite), and the lock that also guards the disk's own bookkeeping: a
// write is recorded, and the power seen on, under one lock, so that a cut
// falls between two recorded writes, never inside one.
#include <functional>
#include <mutex>

namespace patron::power_cut {

class PowerSupply {
 public:
  // The supply held locked while the disk keeps its books.
  class Locked {
   public:
    explicit Locked(PowerSupply& supply) : supply_(supply), lock_(supply.mutex_) {}
    bool power_on() const { return supply_.on_; }
    void cut() { supply_.on_ = false; }
    void cut_after_writes(int n) { supply_.writes_until_cut_ = n; }
    // A write reached a file: a cut armed by cut_after_writes() falls now if
    // this was its write.
    void wrote() {
      if (supply_.writes_until_cut_ > 0 && --supply_.writes_until_cut_ == 0) supply_.on_ = false;
    }
    // The reboot: the power is on again, no cut armed.
    void restore() {
      supply_.on_ = true;
      supply_.writes_until_cut_ = 0;
    }

   private:
    PowerSupply& supply_;
    std::lock_guard<std::mutex> lock_;
  };

  Locked lock() { return Locked(*this); }

  void cut() { lock().cut(); }
  // Cuts it right after the n-th write from now reaches a file: the moment a
  // cut at a random time mostly misses, when that write is not yet synced.
  void cut_after_writes(int n) { lock().cut_after_writes(n); }
  bool power_on() { return lock().power_on(); }
  // Runs `record` only while the power is on, atomically with respect to a
  // cut: an answer recorded here was given after its sync, before the cut.
  bool while_powered(const std::function<void()>& record) {
    const Locked locked = lock();
    if (locked.power_on()) record();
    return locked.power_on();
  }

 private:
  std::mutex mutex_;
  bool on_ = true;
  int writes_until_cut_ = 0;  // 0: not armed
};

}  // namespace patron::power_cut
