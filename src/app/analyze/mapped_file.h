#pragma once
// A regular file mapped read-only, so a purchases file is parsed where the
// page cache holds it: no copy, and the kernel maps it in runs of pages
// instead of one fault per fresh 4 KiB of a read buffer.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace patron::app {

class MappedFile {
 public:
  // nullopt when `path` is not a regular file (a pipe, a device) or cannot
  // be mapped: the caller reads it as a stream instead.
  static std::optional<MappedFile> open(const std::string& path);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return {data_, size_}; }

 private:
  MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
  const char* data_;
  std::size_t size_;
};

}  // namespace patron::app
