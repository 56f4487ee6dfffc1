#pragma once
// A simulated power cut for RocksDB, on the pattern of RocksDB's own
// FaultInjectionTestFS (whose header Debian's librocksdb-dev 7.8 does not ship),
// built on the public FileSystemWrapper. Per file it remembers how much was
// synced (Sync/Fsync; RangeSync promises nothing); per directory, which files
// were created and which renames made since its last fsync. When the power
// goes, every later write, sync, creation, rename and deletion fails; once the
// database is closed, restore_synced_state() leaves what the disk would hold
// after the reboot: files cut back to their synced size, renames not yet
// covered by a directory fsync undone, files whose directory entry was never
// synced removed. Deletions count as durable at once.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <rocksdb/file_system.h>

#include "power_supply.h"
#include "survivors.h"

namespace patron::power_cut {

class PowerCutFileSystem final : public rocksdb::FileSystemWrapper {
 public:
  PowerCutFileSystem();
  const char* Name() const override { return "PowerCutFileSystem"; }

  void cut() { power_.cut(); }
  // See PowerSupply: appends are the writes that count.
  void cut_after_appends(int n) { power_.cut_after_writes(n); }
  bool power_is_on() const { return power_.power_on(); }
  bool while_powered(const std::function<void()>& record) { return power_.while_powered(record); }
  void restore_synced_state(Survivors survivors, std::mt19937_64& random);

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* debug) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* debug) override;
  rocksdb::IOStatus DeleteFile(const std::string& name, const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* debug) override;
  rocksdb::IOStatus RenameFile(const std::string& from, const std::string& to, const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* debug) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& options,
                                 std::unique_ptr<rocksdb::FSDirectory>* result,
                                 rocksdb::IODebugContext* debug) override;

  // Patron's options never recycle logs, ingest files or make checkpoints: if
  // RocksDB ever asks for these, the test says so instead of simulating them wrong.
  rocksdb::IOStatus ReuseWritableFile(const std::string&, const std::string&, const rocksdb::FileOptions&,
                                      std::unique_ptr<rocksdb::FSWritableFile>*, rocksdb::IODebugContext*) override {
    return refused("ReuseWritableFile");
  }
  rocksdb::IOStatus NewRandomRWFile(const std::string&, const rocksdb::FileOptions&,
                                    std::unique_ptr<rocksdb::FSRandomRWFile>*, rocksdb::IODebugContext*) override {
    return refused("NewRandomRWFile");
  }
  rocksdb::IOStatus LinkFile(const std::string&, const std::string&, const rocksdb::IOOptions&,
                             rocksdb::IODebugContext*) override {
    return refused("LinkFile");
  }
  static rocksdb::IOStatus refused(const std::string& operation) {
    return rocksdb::IOStatus::NotSupported("PowerCutFileSystem: " + operation);
  }

  // Called by the files and directories this file system hands out.
  rocksdb::IOStatus check_power() const;
  void appended(const std::string& name, std::uint64_t end);
  std::uint64_t sync_begins(const std::string& name);
  void synced(const std::string& name, std::uint64_t size_when_sync_began);
  std::uint64_t dir_sync_begins();
  void dir_synced(const std::string& dir, std::uint64_t began);

  struct Stats {
    std::uint64_t file_syncs = 0, dir_syncs = 0;
    std::uint64_t bytes_dropped = 0, files_removed = 0, renames_undone = 0;  // at the last restore
  };
  Stats stats() const;

 private:
  struct FileState {
    std::uint64_t size = 0;
    std::uint64_t synced = 0;
    std::optional<std::uint64_t> entry_unsynced_since;  // created, its directory not synced since
  };
  struct Rename {
    std::uint64_t seq;
    std::string from, to;
    std::optional<std::string> replaced;  // what `to` held before, if anything
  };
  void track_new_file(const std::string& name, bool existed, std::uint64_t size);

  mutable PowerSupply power_;  // its lock guards everything below
  std::uint64_t next_seq_ = 0;
  std::map<std::string, FileState> files_;  // by normalized path
  std::vector<Rename> renames_;
  Stats stats_;
};

}  // namespace patron::power_cut
