#pragma once
// A thin layer over SQLite's default file system (a "VFS shim", as SQLite's
// own vfstrace and multiplex are) that serves the group-commit writer:
//  - Writes to a write-ahead log are gathered into one buffer and reach the
//    file in one pwrite when SQLite syncs, reads or resizes it. SQLite writes
//    each WAL frame as two pwrites (its 24-byte header, then the page); at
//    about four frames a purchase those system calls were a quarter of the
//    writer's time.
//  - On the thread marked as the group-commit writer, the WAL's sync at COMMIT
//    writes the buffer and leaves the fsync to the write queue's finisher
//    (wal_file.h), which fdatasyncs the log before any of the batch's requests
//    is answered. SQLite updates the WAL index (what readers see) only after
//    that sync returns, so no reader can see frames still in the buffer.
//    A checkpoint's syncs are never left: the writer's connection sets
//    checkpoint_fullfsync, so they arrive as SQLITE_SYNC_FULL and pass on (a
//    checkpoint must not copy frames into the database before they are
//    durable in the log). On Linux both flags mean one fdatasync.
// Everything else (the database file, locks, shared memory, other threads'
// syncs, checkpoints' syncs of the database file) passes straight through.
#include <cstdint>

namespace patron::sql {

// Makes the layer SQLite's default file system; idempotent. Call before any
// connection opens.
void install_sqlite_wal_vfs();

// Marks the calling thread as the group-commit writer, whose WAL syncs are
// left to the finisher.
void mark_thread_as_group_committer();

// Since the process started, over every WAL: SQLite's writes, the writes that
// reached the file, and its syncs passed on or left to the finisher.
struct WalVfsStats {
  std::uint64_t writes_asked = 0;
  std::uint64_t writes_made = 0;
  std::uint64_t syncs_passed_on = 0;
  std::uint64_t syncs_left_to_finisher = 0;
};
WalVfsStats sqlite_wal_vfs_stats();

}  // namespace patron::sql
