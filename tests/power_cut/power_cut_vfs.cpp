#include "power_cut_vfs.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include <soci/sqlite3/soci-sqlite3.h>

#include "power_supply.h"

namespace patron::power_cut {
namespace {

namespace api = ::sqlite_api;  // where soci-sqlite3.h puts <sqlite3.h>

// What a write or truncation replaced: enough to undo it.
struct Undo {
  std::uint64_t seq;  // global order, to tell what a sync covers
  api::sqlite3_int64 offset;
  std::string old_bytes;  // the bytes at offset before the change (within the old size)
  api::sqlite3_int64 old_size;
};

struct FileState {
  std::deque<Undo> unsynced;    // oldest first
  bool created_unsynced = false;  // created and never synced: gone after a cut
};

PowerSupply power;  // its lock guards everything below, held across each write so its undo entry is exact
std::uint64_t next_seq = 0;
std::map<std::string, FileState> files;  // by canonical path
std::set<std::string> databases;         // their -shm index does not survive a cut
SqlitePowerCut::Stats counters;

api::sqlite3_vfs* real_vfs = nullptr;
api::sqlite3_vfs cut_vfs;
api::sqlite3_io_methods tracked_methods;

// SQLite allocates szOsFile bytes per open file: ours, then the real file.
struct TrackedFile {
  api::sqlite3_file base;
  std::string* path;
  api::sqlite3_file* real() { return reinterpret_cast<api::sqlite3_file*>(this + 1); }
};

TrackedFile* tracked(api::sqlite3_file* file) { return reinterpret_cast<TrackedFile*>(file); }

// WalFile names its log by what /proc/self/fd says, SQLite by the name it was
// given: both resolved the same way so they meet in `files`.
std::string canonical(const std::string& path) { return std::filesystem::weakly_canonical(path).string(); }

void forget_synced(const std::string& path, std::uint64_t sync_began) {
  auto locked = power.lock();
  if (!locked.power_on()) return;  // the sync did not finish before the cut
  auto it = files.find(path);
  if (it == files.end()) return;
  auto& unsynced = it->second.unsynced;
  while (!unsynced.empty() && unsynced.front().seq < sync_began) unsynced.pop_front();
  it->second.created_unsynced = false;
}

int read_old_bytes(TrackedFile* f, Undo& undo, api::sqlite3_int64 length) {
  undo.old_bytes.resize(static_cast<std::size_t>(length));
  if (length == 0) return SQLITE_OK;
  return f->real()->pMethods->xRead(f->real(), undo.old_bytes.data(), static_cast<int>(length), undo.offset);
}

int tracked_close(api::sqlite3_file* file) {
  auto* f = tracked(file);
  const int rc = f->real()->pMethods->xClose(f->real());
  delete f->path;
  f->path = nullptr;
  return rc;
}

int tracked_read(api::sqlite3_file* file, void* out, int amount, api::sqlite3_int64 offset) {
  return tracked(file)->real()->pMethods->xRead(tracked(file)->real(), out, amount, offset);
}

int tracked_write(api::sqlite3_file* file, const void* data, int amount, api::sqlite3_int64 offset) {
  auto* f = tracked(file);
  auto locked = power.lock();
  if (!locked.power_on()) return SQLITE_IOERR_WRITE;
  api::sqlite3_int64 size = 0;
  if (int rc = f->real()->pMethods->xFileSize(f->real(), &size); rc != SQLITE_OK) return rc;
  Undo undo{next_seq++, offset, {}, size};
  const auto overwritten = std::clamp<api::sqlite3_int64>(size - offset, 0, amount);
  if (int rc = read_old_bytes(f, undo, overwritten); rc != SQLITE_OK) return rc;
  files[*f->path].unsynced.push_back(std::move(undo));
  ++counters.writes;
  const int rc = f->real()->pMethods->xWrite(f->real(), data, amount, offset);
  locked.wrote();
  return rc;
}

int tracked_truncate(api::sqlite3_file* file, api::sqlite3_int64 new_size) {
  auto* f = tracked(file);
  auto locked = power.lock();
  if (!locked.power_on()) return SQLITE_IOERR_TRUNCATE;
  api::sqlite3_int64 size = 0;
  if (int rc = f->real()->pMethods->xFileSize(f->real(), &size); rc != SQLITE_OK) return rc;
  Undo undo{next_seq++, std::min(new_size, size), {}, size};
  if (int rc = read_old_bytes(f, undo, size - undo.offset); rc != SQLITE_OK) return rc;
  files[*f->path].unsynced.push_back(std::move(undo));
  return f->real()->pMethods->xTruncate(f->real(), new_size);
}

int tracked_sync(api::sqlite3_file* file, int flags) {
  auto* f = tracked(file);
  std::uint64_t began = 0;
  {
    auto locked = power.lock();
    if (!locked.power_on()) return SQLITE_IOERR_FSYNC;
    began = next_seq;
    ++counters.syncs_through_sqlite;
  }
  const int rc = f->real()->pMethods->xSync(f->real(), flags);
  if (rc == SQLITE_OK) forget_synced(*f->path, began);
  return rc;
}

// Everything else passes straight to the real file.
int tracked_file_size(api::sqlite3_file* file, api::sqlite3_int64* size) {
  return tracked(file)->real()->pMethods->xFileSize(tracked(file)->real(), size);
}
int tracked_lock(api::sqlite3_file* file, int level) {
  return tracked(file)->real()->pMethods->xLock(tracked(file)->real(), level);
}
int tracked_unlock(api::sqlite3_file* file, int level) {
  return tracked(file)->real()->pMethods->xUnlock(tracked(file)->real(), level);
}
int tracked_check_reserved(api::sqlite3_file* file, int* out) {
  return tracked(file)->real()->pMethods->xCheckReservedLock(tracked(file)->real(), out);
}
int tracked_file_control(api::sqlite3_file* file, int op, void* arg) {
  return tracked(file)->real()->pMethods->xFileControl(tracked(file)->real(), op, arg);
}
int tracked_sector_size(api::sqlite3_file* file) {
  return tracked(file)->real()->pMethods->xSectorSize(tracked(file)->real());
}
int tracked_device(api::sqlite3_file* file) {
  return tracked(file)->real()->pMethods->xDeviceCharacteristics(tracked(file)->real());
}
int tracked_shm_map(api::sqlite3_file* file, int page, int size, int extend, void volatile** out) {
  return tracked(file)->real()->pMethods->xShmMap(tracked(file)->real(), page, size, extend, out);
}
int tracked_shm_lock(api::sqlite3_file* file, int offset, int n, int flags) {
  return tracked(file)->real()->pMethods->xShmLock(tracked(file)->real(), offset, n, flags);
}
void tracked_shm_barrier(api::sqlite3_file* file) { tracked(file)->real()->pMethods->xShmBarrier(tracked(file)->real()); }
int tracked_shm_unmap(api::sqlite3_file* file, int delete_flag) {
  return tracked(file)->real()->pMethods->xShmUnmap(tracked(file)->real(), delete_flag);
}
int tracked_fetch(api::sqlite3_file* file, api::sqlite3_int64 offset, int amount, void** out) {
  return tracked(file)->real()->pMethods->xFetch(tracked(file)->real(), offset, amount, out);
}
int tracked_unfetch(api::sqlite3_file* file, api::sqlite3_int64 offset, void* p) {
  return tracked(file)->real()->pMethods->xUnfetch(tracked(file)->real(), offset, p);
}

bool is_durable_kind(int flags) {
  return (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL)) != 0;
}

// Databases, rollback journals and logs are tracked; temporary files are the
// real ones, with the real methods, in the space SQLite gave us.
int cut_open(api::sqlite3_vfs*, api::sqlite3_filename name, api::sqlite3_file* file, int flags, int* out_flags) {
  if (name == nullptr || !is_durable_kind(flags)) return real_vfs->xOpen(real_vfs, name, file, flags, out_flags);
  auto locked = power.lock();
  int exists = 0;
  if (int rc = real_vfs->xAccess(real_vfs, name, SQLITE_ACCESS_EXISTS, &exists); rc != SQLITE_OK) return rc;
  if (!exists && !locked.power_on()) return SQLITE_CANTOPEN;  // nothing can be created on a disk without power
  auto* f = tracked(file);
  f->base.pMethods = nullptr;
  f->path = nullptr;
  const int rc = real_vfs->xOpen(real_vfs, name, f->real(), flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  if (f->real()->pMethods == nullptr) return SQLITE_CANTOPEN;
  f->path = new std::string(canonical(name));
  if (!exists) files[*f->path].created_unsynced = true;
  if ((flags & SQLITE_OPEN_MAIN_DB) != 0) databases.insert(*f->path);
  f->base.pMethods = &tracked_methods;
  return SQLITE_OK;
}

// A deletion is taken as durable at once (SQLite syncs the directory after
// the deletions that matter to it); after the cut it fails, so that closing
// connections cannot remove a log the reboot will still find.
int cut_delete(api::sqlite3_vfs*, const char* name, int sync_dir) {
  {
    auto locked = power.lock();
    if (!locked.power_on()) return SQLITE_IOERR_DELETE;
    files.erase(canonical(name));
  }
  return real_vfs->xDelete(real_vfs, name, sync_dir);
}

void undo_writes(const std::string& path, std::deque<Undo>& unsynced, std::size_t keep) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("power cut: cannot open " + path + " to undo its unsynced writes");
  while (unsynced.size() > keep) {
    const auto& undo = unsynced.back();
    bool ok = ::ftruncate(fd, undo.old_size) == 0;
    if (ok && !undo.old_bytes.empty()) {
      ok = ::pwrite(fd, undo.old_bytes.data(), undo.old_bytes.size(), undo.offset) ==
           static_cast<ssize_t>(undo.old_bytes.size());
    }
    if (!ok) {
      ::close(fd);
      throw std::runtime_error("power cut: cannot undo a write to " + path);
    }
    unsynced.pop_back();
    ++counters.undone_writes;
  }
  ::close(fd);
}

}  // namespace

void SqlitePowerCut::install() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Patron configures the library single-connection-per-thread before first
    // use (database.cpp); finding a VFS initializes it, so configure it first,
    // the same way, or Patron's setting would come too late.
    api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    real_vfs = api::sqlite3_vfs_find(nullptr);
    cut_vfs = *real_vfs;
    cut_vfs.zName = "patron-power-cut";
    cut_vfs.szOsFile = static_cast<int>(sizeof(TrackedFile)) + real_vfs->szOsFile;
    cut_vfs.xOpen = cut_open;
    cut_vfs.xDelete = cut_delete;
    tracked_methods = api::sqlite3_io_methods{
        3,                 tracked_close,       tracked_read,        tracked_write,     tracked_truncate,
        tracked_sync,      tracked_file_size,   tracked_lock,        tracked_unlock,    tracked_check_reserved,
        tracked_file_control, tracked_sector_size, tracked_device,   tracked_shm_map,   tracked_shm_lock,
        tracked_shm_barrier, tracked_shm_unmap, tracked_fetch,       tracked_unfetch};
    api::sqlite3_vfs_register(&cut_vfs, 1);
  });
}

void SqlitePowerCut::cut() { power.cut(); }
void SqlitePowerCut::cut_after_writes(int n) { power.cut_after_writes(n); }
bool SqlitePowerCut::power_is_on() { return power.power_on(); }
bool SqlitePowerCut::while_powered(const std::function<void()>& record) { return power.while_powered(record); }

void SqlitePowerCut::restore_synced_state(Survivors survivors, std::mt19937_64& random) {
  auto locked = power.lock();
  counters.undone_writes = 0;
  for (auto& [path, state] : files) {
    std::size_t keep = 0;
    if (survivors == Survivors::random_prefix) {
      keep = std::uniform_int_distribution<std::size_t>(0, state.unsynced.size())(random);
    }
    if (!state.unsynced.empty() && std::filesystem::exists(path)) undo_writes(path, state.unsynced, keep);
    if (state.created_unsynced && survivors == Survivors::none) std::filesystem::remove(path);
  }
  for (const auto& database : databases) std::filesystem::remove(database + "-shm");
  files.clear();
  databases.clear();
  locked.restore();
}

int SqlitePowerCut::sync_outside_sqlite(int fd, const std::function<int()>& sync) {
  std::uint64_t began = 0;
  {
    auto locked = power.lock();
    // Without power the sync reaches nothing; the process cannot know, and
    // what it answers now is not counted (see while_powered).
    if (!locked.power_on()) return 0;
    began = next_seq;
    ++counters.syncs_outside_sqlite;
  }
  const int rc = sync();
  if (rc == 0) forget_synced(canonical(std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(fd))), began);
  return rc;
}

SqlitePowerCut::Stats SqlitePowerCut::stats() {
  auto locked = power.lock();
  return counters;
}

}  // namespace patron::power_cut
