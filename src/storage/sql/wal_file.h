#pragma once
// Makes an SQLite database's write-ahead log durable with one fdatasync, for
// the group-commit writer's finisher (see commit_finisher.h). The writer's
// COMMIT writes a batch's frames to the WAL but leaves them in the page cache
// (sqlite_wal_vfs.h); its requests are answered only after this sync, so every
// answered write is on the disk, as SQLite's own sync would have made it, but
// the writer no longer waits for the disk between batches. A sync that fails
// ends the process: after a failed fsync Linux may drop the dirty pages and
// report success next time, so going on could answer writes that were lost
// (PostgreSQL panics for the same reason). SQLite's recovery at the next
// start keeps every transaction whose frames reached the disk.
#include <string>

#include <sys/types.h>

namespace patron::sql {

class WalFile {
 public:
  explicit WalFile(std::string database_path);  // the log is DATABASE-wal
  ~WalFile();
  WalFile(const WalFile&) = delete;
  WalFile& operator=(const WalFile&) = delete;

  // Everything written to the log so far reaches the disk before this returns.
  // The log is reopened if it was replaced (and its directory synced once, so
  // the new file's entry is durable too); without a log (the database is not
  // in WAL mode) the database file itself is synced.
  void sync();

 private:
  void open_current();

  std::string database_path_;
  std::string wal_path_;
  int fd_ = -1;
  dev_t device_ = 0;
  ino_t inode_ = 0;
};

}  // namespace patron::sql
