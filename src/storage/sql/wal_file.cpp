#include "storage/sql/wal_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

// The log's durability sync. tests/power_cut compiles this file once more into
// its own binaries with PATRON_TEST_WAL_FDATASYNC naming a function of theirs,
// so that a simulated power cut knows what was synced (or, in the variant that
// must fail, skips the sync); every other build calls fdatasync itself.
#ifdef PATRON_TEST_WAL_FDATASYNC
extern "C" int PATRON_TEST_WAL_FDATASYNC(int fd);
#else
#define PATRON_TEST_WAL_FDATASYNC ::fdatasync
#endif

namespace patron::sql {
namespace {

[[noreturn]] void stop_the_process(const std::string& what, int error) {
  spdlog::critical("{}: {}; stopping so that no write is answered that may not be on disk", what,
                   std::strerror(error));
  spdlog::shutdown();
  std::abort();
}

// A new log's directory entry must be durable too. SQLite syncs the
// directory at a new WAL's first sync, but the writer's COMMIT sync is handed
// to this class (sqlite_wal_vfs.h), so that first sync may never reach SQLite.
void sync_directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const std::string directory = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) stop_the_process("cannot open the directory " + directory, errno);
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (synced != 0) stop_the_process("fsync of the directory " + directory + " failed", error);
}

}  // namespace

WalFile::WalFile(std::string database_path)
    : database_path_(std::move(database_path)), wal_path_(database_path_ + "-wal") {}

WalFile::~WalFile() {
  if (fd_ >= 0) ::close(fd_);
}

void WalFile::open_current() {
  struct stat now {};
  const bool has_wal = ::stat(wal_path_.c_str(), &now) == 0;
  if (!has_wal && errno != ENOENT) stop_the_process("cannot stat " + wal_path_, errno);
  const auto& path = has_wal ? wal_path_ : database_path_;
  if (!has_wal && ::stat(path.c_str(), &now) != 0) stop_the_process("cannot stat " + path, errno);
  if (fd_ >= 0 && now.st_dev == device_ && now.st_ino == inode_) return;
  if (fd_ >= 0) ::close(fd_);
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) stop_the_process("cannot open " + path, errno);
  device_ = now.st_dev;
  inode_ = now.st_ino;
  if (has_wal) sync_directory_of(wal_path_);
}

void WalFile::sync() {
  open_current();
  if (PATRON_TEST_WAL_FDATASYNC(fd_) != 0) stop_the_process("fdatasync of " + wal_path_ + " failed", errno);
}

}  // namespace patron::sql
