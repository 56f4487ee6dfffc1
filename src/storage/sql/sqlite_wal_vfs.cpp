#include "storage/sql/sqlite_wal_vfs.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

#include <soci/sqlite3/soci-sqlite3.h>

namespace patron::sql {
namespace {

namespace api = ::sqlite_api;  // where soci-sqlite3.h puts <sqlite3.h>

constexpr std::size_t buffer_capacity = 4u << 20;  // a batch's frames, with room
constexpr std::size_t write_piece = 64u << 10;

thread_local bool group_committer = false;
std::atomic<std::uint64_t> writes_asked{0}, writes_made{0}, syncs_passed_on{0}, syncs_left_to_finisher{0};
api::sqlite3_vfs* real_vfs = nullptr;
api::sqlite3_vfs shim_vfs;
api::sqlite3_io_methods wal_methods;

// The pending bytes of one WAL file handle: [start, start + bytes.size()).
struct Pending {
  api::sqlite3_int64 start = 0;
  std::vector<char> bytes;
};

// The object SQLite allocates for each open file (szOsFile bytes): ours, and
// the real file right behind it.
struct WalFile {
  api::sqlite3_file base;
  Pending* pending;
  api::sqlite3_file* real() { return reinterpret_cast<api::sqlite3_file*>(this + 1); }
};

WalFile* wal(api::sqlite3_file* file) { return reinterpret_cast<WalFile*>(file); }

// In pieces: the unix file system writes at most 128 KiB a call (it masks the
// length with 0x1ffff, since SQLite itself never writes more than a page).
int flush(WalFile* file) {
  auto* pending = file->pending;
  if (pending == nullptr || pending->bytes.empty()) return SQLITE_OK;
  int rc = SQLITE_OK;
  for (std::size_t done = 0; done < pending->bytes.size() && rc == SQLITE_OK; done += write_piece) {
    const auto piece = std::min(write_piece, pending->bytes.size() - done);
    rc = file->real()->pMethods->xWrite(file->real(), pending->bytes.data() + done, static_cast<int>(piece),
                                        pending->start + static_cast<api::sqlite3_int64>(done));
    writes_made.fetch_add(1, std::memory_order_relaxed);
  }
  pending->bytes.clear();
  return rc;
}

int wal_close(api::sqlite3_file* file) {
  auto* f = wal(file);
  const int flushed = flush(f);
  const int rc = f->real()->pMethods->xClose(f->real());
  delete f->pending;
  f->pending = nullptr;
  return flushed != SQLITE_OK ? flushed : rc;
}

int wal_read(api::sqlite3_file* file, void* out, int amount, api::sqlite3_int64 offset) {
  auto* f = wal(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real()->pMethods->xRead(f->real(), out, amount, offset);
}

int wal_write(api::sqlite3_file* file, const void* data, int amount, api::sqlite3_int64 offset) {
  auto* f = wal(file);
  writes_asked.fetch_add(1, std::memory_order_relaxed);
  if (f->pending == nullptr) f->pending = new (std::nothrow) Pending;
  auto* pending = f->pending;
  if (pending == nullptr) return f->real()->pMethods->xWrite(f->real(), data, amount, offset);
  const bool continues = !pending->bytes.empty() &&
                         offset == pending->start + static_cast<api::sqlite3_int64>(pending->bytes.size());
  if (!continues || pending->bytes.size() + static_cast<std::size_t>(amount) > buffer_capacity) {
    if (int rc = flush(f); rc != SQLITE_OK) return rc;
    if (static_cast<std::size_t>(amount) > buffer_capacity) {
      writes_made.fetch_add(1, std::memory_order_relaxed);
      return f->real()->pMethods->xWrite(f->real(), data, amount, offset);
    }
    pending->start = offset;
  }
  const auto* bytes = static_cast<const char*>(data);
  pending->bytes.insert(pending->bytes.end(), bytes, bytes + amount);
  return SQLITE_OK;
}

int wal_truncate(api::sqlite3_file* file, api::sqlite3_int64 size) {
  auto* f = wal(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real()->pMethods->xTruncate(f->real(), size);
}

int wal_sync(api::sqlite3_file* file, int flags) {
  auto* f = wal(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  // A COMMIT syncs with SQLITE_SYNC_NORMAL; a checkpoint (and a restarted
  // log's header) with SQLITE_SYNC_FULL, since the writer's connection sets
  // checkpoint_fullfsync. Those must reach the disk before the checkpoint
  // copies frames into the database, so only the COMMIT's sync waits.
  if (group_committer && (flags & 0x0f) == SQLITE_SYNC_NORMAL) {  // the finisher's fdatasync comes before any reply
    syncs_left_to_finisher.fetch_add(1, std::memory_order_relaxed);
    return SQLITE_OK;
  }
  syncs_passed_on.fetch_add(1, std::memory_order_relaxed);
  return f->real()->pMethods->xSync(f->real(), flags);
}

int wal_file_size(api::sqlite3_file* file, api::sqlite3_int64* size) {
  auto* f = wal(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real()->pMethods->xFileSize(f->real(), size);
}

int wal_lock(api::sqlite3_file* file, int level) { return wal(file)->real()->pMethods->xLock(wal(file)->real(), level); }
int wal_unlock(api::sqlite3_file* file, int level) {
  return wal(file)->real()->pMethods->xUnlock(wal(file)->real(), level);
}
int wal_check_reserved(api::sqlite3_file* file, int* out) {
  return wal(file)->real()->pMethods->xCheckReservedLock(wal(file)->real(), out);
}
int wal_file_control(api::sqlite3_file* file, int op, void* arg) {
  auto* f = wal(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real()->pMethods->xFileControl(f->real(), op, arg);
}
int wal_sector_size(api::sqlite3_file* file) { return wal(file)->real()->pMethods->xSectorSize(wal(file)->real()); }
int wal_device(api::sqlite3_file* file) {
  return wal(file)->real()->pMethods->xDeviceCharacteristics(wal(file)->real());
}
int wal_shm_map(api::sqlite3_file* file, int page, int size, int extend, void volatile** out) {
  return wal(file)->real()->pMethods->xShmMap(wal(file)->real(), page, size, extend, out);
}
int wal_shm_lock(api::sqlite3_file* file, int offset, int n, int flags) {
  return wal(file)->real()->pMethods->xShmLock(wal(file)->real(), offset, n, flags);
}
void wal_shm_barrier(api::sqlite3_file* file) { wal(file)->real()->pMethods->xShmBarrier(wal(file)->real()); }
int wal_shm_unmap(api::sqlite3_file* file, int delete_flag) {
  return wal(file)->real()->pMethods->xShmUnmap(wal(file)->real(), delete_flag);
}
int wal_fetch(api::sqlite3_file* file, api::sqlite3_int64 offset, int amount, void** out) {
  auto* f = wal(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real()->pMethods->xFetch(f->real(), offset, amount, out);
}
int wal_unfetch(api::sqlite3_file* file, api::sqlite3_int64 offset, void* p) {
  return wal(file)->real()->pMethods->xUnfetch(wal(file)->real(), offset, p);
}

// Only write-ahead logs are wrapped; every other file is the real one, with
// the real methods, in the space SQLite gave us.
int shim_open(api::sqlite3_vfs*, api::sqlite3_filename name, api::sqlite3_file* file, int flags, int* out_flags) {
  if ((flags & SQLITE_OPEN_WAL) == 0) return real_vfs->xOpen(real_vfs, name, file, flags, out_flags);
  auto* f = wal(file);
  f->base.pMethods = nullptr;
  f->pending = nullptr;
  const int rc = real_vfs->xOpen(real_vfs, name, f->real(), flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  // SQLite closes a file whose pMethods is set even when open failed: set it
  // only now, over a real file that opened.
  if (f->real()->pMethods == nullptr) return SQLITE_CANTOPEN;
  if (f->real()->pMethods->iVersion < wal_methods.iVersion) {
    // A file system without the shared-memory and mmap methods we would offer
    // in its name: use it as it is, unwrapped.
    f->real()->pMethods->xClose(f->real());
    return real_vfs->xOpen(real_vfs, name, file, flags, out_flags);
  }
  f->base.pMethods = &wal_methods;
  return SQLITE_OK;
}

}  // namespace

void install_sqlite_wal_vfs() {
  static std::once_flag once;
  std::call_once(once, [] {
    real_vfs = api::sqlite3_vfs_find(nullptr);
    shim_vfs = *real_vfs;  // xDelete, xAccess, … and pAppData stay the real ones
    shim_vfs.zName = "patron-wal";
    shim_vfs.szOsFile = static_cast<int>(sizeof(WalFile)) + real_vfs->szOsFile;
    shim_vfs.xOpen = shim_open;
    wal_methods = api::sqlite3_io_methods{3,           wal_close,        wal_read,         wal_write,
                                          wal_truncate, wal_sync,         wal_file_size,    wal_lock,
                                          wal_unlock,   wal_check_reserved, wal_file_control, wal_sector_size,
                                          wal_device,   wal_shm_map,      wal_shm_lock,     wal_shm_barrier,
                                          wal_shm_unmap, wal_fetch,       wal_unfetch};
    api::sqlite3_vfs_register(&shim_vfs, 1);
  });
}

void mark_thread_as_group_committer() { group_committer = true; }

WalVfsStats sqlite_wal_vfs_stats() {
  return {writes_asked.load(std::memory_order_relaxed), writes_made.load(std::memory_order_relaxed),
          syncs_passed_on.load(std::memory_order_relaxed), syncs_left_to_finisher.load(std::memory_order_relaxed)};
}

}  // namespace patron::sql
