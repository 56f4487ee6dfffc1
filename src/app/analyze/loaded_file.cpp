#include "app/analyze/loaded_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace patron::app {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
// Below this a file's few 4 KiB pages fault faster than a huge page is zeroed.
constexpr std::size_t kSmallFileBytes = std::size_t{64} << 10;

std::size_t rounded_up(std::size_t bytes, std::size_t unit) { return (bytes + unit - 1) / unit * unit; }

// Reads `size` bytes, or fewer when the file shrank meanwhile; false on an error.
bool read_fully(int fd, char* into, std::size_t size, std::size_t& got) {
  got = 0;
  while (got < size) {
    const ssize_t count = ::read(fd, into + got, size - got);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) return false;
    if (count == 0) break;
    got += static_cast<std::size_t>(count);
  }
  return true;
}

}  // namespace

std::optional<LoadedFile> LoadedFile::open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat status {};
  std::optional<LoadedFile> loaded;
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
    const auto size = static_cast<std::size_t>(status.st_size);
    if (size == 0) {
      loaded.emplace(LoadedFile(nullptr, 0, nullptr, 0));
    } else if (size <= kMaxCopiedFileBytes) {
      const bool small = size < kSmallFileBytes;
      // A large file gets one huge page more than it needs, so its copy can start on a 2 MiB boundary.
      const std::size_t bytes = small ? size : rounded_up(size, kHugePage) + kHugePage;
      void* memory = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (memory != MAP_FAILED) {
        auto* start = static_cast<char*>(memory);
        if (!small) {
          start = reinterpret_cast<char*>(rounded_up(reinterpret_cast<std::uintptr_t>(memory), kHugePage));
          ::madvise(start, rounded_up(size, kHugePage), MADV_HUGEPAGE);  // advice only: ignored where THP is off
        }
        std::size_t got = 0;
        if (read_fully(fd, start, size, got)) {
          loaded.emplace(LoadedFile(memory, bytes, start, got));
        } else {
          ::munmap(memory, bytes);
        }
      }
    } else {
      void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (data != MAP_FAILED) loaded.emplace(LoadedFile(data, size, static_cast<const char*>(data), size));
    }
  }
  ::close(fd);  // a mapping keeps the file
  return loaded;
}

void LoadedFile::release() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapping_bytes_);
  mapping_ = nullptr;
  mapping_bytes_ = 0;
  text_ = nullptr;
  size_ = 0;
}

LoadedFile::LoadedFile(LoadedFile&& other) noexcept
    : mapping_(other.mapping_), mapping_bytes_(other.mapping_bytes_), text_(other.text_), size_(other.size_) {
  other.mapping_ = nullptr;
  other.release();
}

LoadedFile& LoadedFile::operator=(LoadedFile&& other) noexcept {
  if (this != &other) {
    release();
    mapping_ = other.mapping_;
    mapping_bytes_ = other.mapping_bytes_;
    text_ = other.text_;
    size_ = other.size_;
    other.mapping_ = nullptr;
    other.release();
  }
  return *this;
}

LoadedFile::~LoadedFile() { release(); }

}  // namespace patron::app
