#pragma once
// An uninitialised array for large scratch (hundreds of MB) backed by
// transparent huge pages where the kernel offers them: faulting in 4 KiB pages
// one by one costs more than the pass that fills them (80 k faults for 320 MB).
#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <new>
#include <type_traits>

namespace patron::analytics {

template <typename T>
class LargeBuffer {
  static_assert(std::is_trivially_copyable_v<T>, "scratch for plain rows only");

 public:
  explicit LargeBuffer(std::size_t count) : bytes_(std::max<std::size_t>(count, 1) * sizeof(T)) {
    void* memory = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) throw std::bad_alloc();
    madvise(memory, bytes_, MADV_HUGEPAGE);  // advice only: ignored where THP is off
    data_ = static_cast<T*>(memory);
  }
  ~LargeBuffer() { munmap(data_, bytes_); }
  LargeBuffer(const LargeBuffer&) = delete;
  LargeBuffer& operator=(const LargeBuffer&) = delete;

  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  std::size_t bytes_;
  T* data_;
};

}  // namespace patron::analytics
