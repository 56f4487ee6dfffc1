#include "storage/documents/stamps.h"

#include <chrono>
#include <random>

namespace patron::documents {

std::int64_t now_ms() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
}

std::string new_record_id() {
  // One generator per thread, seeded from the OS, so ids from concurrent
  // requests never share a stream; 128 bits make collisions a non-event.
  thread_local std::mt19937_64 generator{(std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}()};
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string id;
  id.reserve(32);
  for (int word = 0; word < 2; ++word) {
    std::uint64_t bits = generator();
    for (int nibble = 0; nibble < 16; ++nibble, bits >>= 4) id.push_back(kHexDigits[bits & 0xF]);
  }
  return id;
}

}  // namespace patron::documents
