#pragma once
// A regular file's bytes in memory, for parsing in place. Up to
// kMaxCopiedFileBytes it is read into fresh memory advised into transparent
// huge pages; beyond that it is mapped from the page cache, so a file of
// gigabytes is not held twice.
//
// Why a copy: measured on this machine class, the first pass over a mapped
// file's pages costs about 3 us per 4 KiB page even when MAP_POPULATE has
// built the page tables (CDNOW's 2 MB: 1.4 ms to map and scan its lines; a
// 29 MB summary: 23 ms), while read() into huge pages and the same scan take
// 0.8 ms and 12 ms. Into 4 KiB pages read() would be slower still: a fault per
// page.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace patron::app {

class LoadedFile {
 public:
  static constexpr std::size_t kMaxCopiedFileBytes = std::size_t{1} << 30;

  // nullopt when `path` is not a regular file (a pipe, a device) or cannot be
  // read or mapped: the caller reads it as a stream instead.
  static std::optional<LoadedFile> open(const std::string& path);
  ~LoadedFile();
  LoadedFile(LoadedFile&& other) noexcept;
  LoadedFile& operator=(LoadedFile&& other) noexcept;
  LoadedFile(const LoadedFile&) = delete;
  LoadedFile& operator=(const LoadedFile&) = delete;

  std::string_view text() const { return {text_, size_}; }

 private:
  LoadedFile(void* mapping, std::size_t mapping_bytes, const char* text, std::size_t size)
      : mapping_(mapping), mapping_bytes_(mapping_bytes), text_(text), size_(size) {}
  void release();

  void* mapping_;  // what munmap takes back: the copy's memory, or the file's mapping
  std::size_t mapping_bytes_;
  const char* text_;
  std::size_t size_;
};

}  // namespace patron::app
