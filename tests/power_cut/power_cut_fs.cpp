#include "power_cut_fs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace patron::power_cut {
namespace {

namespace fs = std::filesystem;

std::string normalized(const std::string& path) {
  auto p = fs::path(path).lexically_normal();
  if (!p.has_filename() && p.has_parent_path()) p = p.parent_path();  // "dir/" names "dir"
  return p.string();
}

std::string directory_of(const std::string& normalized_path) { return fs::path(normalized_path).parent_path().string(); }

std::optional<std::string> small_file_contents(const std::string& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  if (error || size > (1u << 20)) return std::nullopt;  // RocksDB renames only small files (CURRENT, IDENTITY, OPTIONS)
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class TrackedFile final : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  TrackedFile(PowerCutFileSystem& disk, std::string name, std::unique_ptr<rocksdb::FSWritableFile> file,
              std::uint64_t size)
      : FSWritableFileOwnerWrapper(std::move(file)), disk_(disk), name_(std::move(name)), size_(size) {}

  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           rocksdb::IODebugContext* debug) override {
    return append_at(size_, data, [&] { return target()->Append(data, options, debug); });
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           const rocksdb::DataVerificationInfo& info, rocksdb::IODebugContext* debug) override {
    return append_at(size_, data, [&] { return target()->Append(data, options, info, debug); });
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, std::uint64_t offset,
                                     const rocksdb::IOOptions& options, rocksdb::IODebugContext* debug) override {
    return append_at(offset, data, [&] { return target()->PositionedAppend(data, offset, options, debug); });
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, std::uint64_t offset,
                                     const rocksdb::IOOptions& options, const rocksdb::DataVerificationInfo& info,
                                     rocksdb::IODebugContext* debug) override {
    return append_at(offset, data, [&] { return target()->PositionedAppend(data, offset, options, info, debug); });
  }
  rocksdb::IOStatus Truncate(std::uint64_t size, const rocksdb::IOOptions& options,
                             rocksdb::IODebugContext* debug) override {
    if (auto s = disk_.check_power(); !s.ok()) return s;
    return target()->Truncate(size, options, debug);  // RocksDB trims its preallocation: never below what it wrote
  }
  rocksdb::IOStatus Sync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* debug) override {
    return sync([&] { return target()->Sync(options, debug); });
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* debug) override {
    return sync([&] { return target()->Fsync(options, debug); });
  }
  // sync_file_range starts writeback but promises nothing about durability.
  rocksdb::IOStatus RangeSync(std::uint64_t, std::uint64_t, const rocksdb::IOOptions&,
                              rocksdb::IODebugContext*) override {
    return disk_.check_power();
  }

 private:
  template <typename Write>
  rocksdb::IOStatus append_at(std::uint64_t offset, const rocksdb::Slice& data, Write write) {
    if (auto s = disk_.check_power(); !s.ok()) return s;
    auto s = write();
    if (s.ok()) {
      size_ = std::max(size_, offset + data.size());
      disk_.appended(name_, size_);
    }
    return s;
  }
  template <typename SyncCall>
  rocksdb::IOStatus sync(SyncCall call) {
    if (auto s = disk_.check_power(); !s.ok()) return s;
    const auto began = disk_.sync_begins(name_);
    auto s = call();
    if (s.ok()) disk_.synced(name_, began);
    return s;
  }

  PowerCutFileSystem& disk_;
  std::string name_;
  std::uint64_t size_;
};

class TrackedDirectory final : public rocksdb::FSDirectoryWrapper {
 public:
  TrackedDirectory(PowerCutFileSystem& disk, std::string name, std::unique_ptr<rocksdb::FSDirectory> dir)
      : FSDirectoryWrapper(std::move(dir)), disk_(disk), name_(std::move(name)) {}

  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* debug) override {
    return sync([&] { return FSDirectoryWrapper::Fsync(options, debug); });
  }
  rocksdb::IOStatus FsyncWithDirOptions(const rocksdb::IOOptions& options, rocksdb::IODebugContext* debug,
                                        const rocksdb::DirFsyncOptions& dir_options) override {
    return sync([&] { return FSDirectoryWrapper::FsyncWithDirOptions(options, debug, dir_options); });
  }

 private:
  template <typename SyncCall>
  rocksdb::IOStatus sync(SyncCall call) {
    if (auto s = disk_.check_power(); !s.ok()) return s;
    const auto began = disk_.dir_sync_begins();
    auto s = call();
    if (s.ok()) disk_.dir_synced(name_, began);
    return s;
  }

  PowerCutFileSystem& disk_;
  std::string name_;
};

}  // namespace

PowerCutFileSystem::PowerCutFileSystem() : FileSystemWrapper(rocksdb::FileSystem::Default()) {}

rocksdb::IOStatus PowerCutFileSystem::check_power() const {
  return power_.power_on() ? rocksdb::IOStatus::OK()
                           : rocksdb::IOStatus::IOError("simulated power cut: the disk is gone");
}

void PowerCutFileSystem::track_new_file(const std::string& name, bool existed, std::uint64_t size) {
  auto locked = power_.lock();
  auto& state = files_[name];
  state = FileState{size, size, std::nullopt};
  if (!existed) state.entry_unsynced_since = next_seq_++;
}

rocksdb::IOStatus PowerCutFileSystem::NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                                      rocksdb::IODebugContext* debug) {
  if (auto s = check_power(); !s.ok()) return s;
  const auto path = normalized(name);
  const bool existed = fs::exists(path);
  std::unique_ptr<rocksdb::FSWritableFile> file;
  auto s = target()->NewWritableFile(name, options, &file, debug);
  if (!s.ok()) return s;
  track_new_file(path, existed, 0);  // an existing file was truncated: nothing of it is synced
  *result = std::make_unique<TrackedFile>(*this, path, std::move(file), 0);
  return s;
}

rocksdb::IOStatus PowerCutFileSystem::ReopenWritableFile(const std::string& name,
                                                         const rocksdb::FileOptions& options,
                                                         std::unique_ptr<rocksdb::FSWritableFile>* result,
                                                         rocksdb::IODebugContext* debug) {
  if (auto s = check_power(); !s.ok()) return s;
  const auto path = normalized(name);
  const bool existed = fs::exists(path);
  const std::uint64_t size = existed ? fs::file_size(path) : 0;
  std::unique_ptr<rocksdb::FSWritableFile> file;
  auto s = target()->ReopenWritableFile(name, options, &file, debug);
  if (!s.ok()) return s;
  track_new_file(path, existed, size);
  *result = std::make_unique<TrackedFile>(*this, path, std::move(file), size);
  return s;
}

rocksdb::IOStatus PowerCutFileSystem::NewDirectory(const std::string& name, const rocksdb::IOOptions& options,
                                                   std::unique_ptr<rocksdb::FSDirectory>* result,
                                                   rocksdb::IODebugContext* debug) {
  std::unique_ptr<rocksdb::FSDirectory> dir;
  auto s = target()->NewDirectory(name, options, &dir, debug);
  if (!s.ok()) return s;
  *result = std::make_unique<TrackedDirectory>(*this, normalized(name), std::move(dir));
  return s;
}

rocksdb::IOStatus PowerCutFileSystem::DeleteFile(const std::string& name, const rocksdb::IOOptions& options,
                                                 rocksdb::IODebugContext* debug) {
  if (auto s = check_power(); !s.ok()) return s;
  auto s = target()->DeleteFile(name, options, debug);
  if (s.ok()) {
    auto locked = power_.lock();
    files_.erase(normalized(name));
  }
  return s;
}

rocksdb::IOStatus PowerCutFileSystem::RenameFile(const std::string& from, const std::string& to,
                                                 const rocksdb::IOOptions& options, rocksdb::IODebugContext* debug) {
  if (auto s = check_power(); !s.ok()) return s;
  const auto source = normalized(from), target_path = normalized(to);
  auto replaced = fs::exists(target_path) ? small_file_contents(target_path) : std::nullopt;
  auto s = target()->RenameFile(from, to, options, debug);
  if (!s.ok()) return s;
  auto locked = power_.lock();
  auto moved = files_.extract(source);
  files_.erase(target_path);
  if (moved) {
    moved.key() = target_path;
    files_.insert(std::move(moved));
  }
  renames_.push_back({next_seq_++, source, target_path, std::move(replaced)});
  return s;
}

void PowerCutFileSystem::appended(const std::string& name, std::uint64_t end) {
  auto locked = power_.lock();
  auto& state = files_[name];
  state.size = std::max(state.size, end);
  locked.wrote();
}

std::uint64_t PowerCutFileSystem::sync_begins(const std::string& name) {
  auto locked = power_.lock();
  return files_[name].size;
}

void PowerCutFileSystem::synced(const std::string& name, std::uint64_t size_when_sync_began) {
  auto locked = power_.lock();
  if (!locked.power_on()) return;  // the sync did not finish before the cut
  auto it = files_.find(name);
  if (it == files_.end()) return;
  it->second.synced = std::max(it->second.synced, size_when_sync_began);
  ++stats_.file_syncs;
}

std::uint64_t PowerCutFileSystem::dir_sync_begins() {
  auto locked = power_.lock();
  return next_seq_++;
}

void PowerCutFileSystem::dir_synced(const std::string& dir, std::uint64_t began) {
  auto locked = power_.lock();
  if (!locked.power_on()) return;
  ++stats_.dir_syncs;
  for (auto& [name, state] : files_) {
    if (state.entry_unsynced_since && *state.entry_unsynced_since < began && directory_of(name) == dir) {
      state.entry_unsynced_since.reset();
    }
  }
  std::erase_if(renames_, [&](const Rename& r) { return r.seq < began && directory_of(r.to) == dir; });
}

void PowerCutFileSystem::restore_synced_state(Survivors survivors, std::mt19937_64& random) {
  auto locked = power_.lock();
  stats_.bytes_dropped = stats_.files_removed = stats_.renames_undone = 0;
  for (auto& [name, state] : files_) {
    if (!fs::exists(name)) continue;
    const auto size = fs::file_size(name);
    auto keep = std::min(state.synced, size);
    if (survivors == Survivors::random_prefix) keep = std::uniform_int_distribution<std::uint64_t>(keep, size)(random);
    fs::resize_file(name, keep);
    stats_.bytes_dropped += size - keep;
  }
  for (auto it = renames_.rbegin(); it != renames_.rend(); ++it) {  // newest first
    if (fs::exists(it->to)) fs::rename(it->to, it->from);
    if (it->replaced) std::ofstream(it->to, std::ios::binary | std::ios::trunc) << *it->replaced;
    auto moved = files_.extract(it->to);
    if (moved) {
      moved.key() = it->from;
      files_.insert(std::move(moved));
    }
    ++stats_.renames_undone;
  }
  for (const auto& [name, state] : files_) {
    if (state.entry_unsynced_since && survivors == Survivors::none && fs::remove(name)) ++stats_.files_removed;
  }
  files_.clear();
  renames_.clear();
  locked.restore();
}

PowerCutFileSystem::Stats PowerCutFileSystem::stats() const {
  auto locked = power_.lock();
  return stats_;
}

}  // namespace patron::power_cut
