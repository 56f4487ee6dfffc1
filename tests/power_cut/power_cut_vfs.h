#pragma once
// A simulated power cut for SQLite: a file system layer (a VFS shim, on the
// pattern of Patron's own in src/storage/sql/sqlite_wal_vfs.cpp) installed as
// SQLite's default *below* Patron's, so that it sees every byte that reaches a
// file. For each database, journal and write-ahead log it keeps an undo log of
// the writes and truncations made since that file's last sync; a sync (SQLite's
// xSync, or sql::WalFile's fdatasync reported through wal_fdatasync_hook.cpp)
// forgets the entries recorded before the sync began. When the power goes,
// every later write, truncation, deletion and file creation fails ("the disk is
// gone"); once every connection is closed, restore_synced_state() puts each file
// back as the disk would have it after the reboot.
#include <cstdint>
#include <functional>
#include <random>
#include <string>

#include "survivors.h"

namespace patron::power_cut {

class SqlitePowerCut {
 public:
  // Registers the layer as SQLite's default file system; call once, before
  // any connection opens (Patron's layer then wraps this one).
  static void install();

  // Cuts the power: from now on writes fail and syncs make nothing durable.
  static void cut();
  // Cuts it right after the n-th write from now reaches a file: the moment a
  // cut at a random time mostly misses, when that write is not yet synced.
  static void cut_after_writes(int n);
  static bool power_is_on();
  // Runs `record` only while the power is on, atomically with respect to cut():
  // an answer recorded here was given after its sync, before the cut.
  static bool while_powered(const std::function<void()>& record);
  // After every connection closed: each file back to what survived the cut,
  // the shared-memory index removed; then the power is on again.
  static void restore_synced_state(Survivors survivors, std::mt19937_64& random);

  // A sync made outside SQLite (sql::WalFile's fdatasync of fd): the file
  // behind fd is durable up to what was written before `sync` began.
  static int sync_outside_sqlite(int fd, const std::function<int()>& sync);

  struct Stats {
    std::uint64_t writes = 0;
    std::uint64_t syncs_through_sqlite = 0;
    std::uint64_t syncs_outside_sqlite = 0;
    std::uint64_t undone_writes = 0;  // at the last restore
  };
  static Stats stats();
};

}  // namespace patron::power_cut
