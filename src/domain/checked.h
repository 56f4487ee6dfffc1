#pragma once
// Checked integer arithmetic for money and points, active in release builds:
// every sum and product of amounts goes through these, so an overflow is a
// value the caller must handle, never a silently wrapped balance.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace patron {

[[nodiscard]] inline std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
  return out;
}

[[nodiscard]] inline std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out)) return std::nullopt;
  return out;
}

[[nodiscard]] inline std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) return std::nullopt;
  return out;
}

// An invariant of the ledger that no input can break: if it fails, the
// process stops rather than write a wrong balance. Unlike assert(), it stays
// in release builds (TigerBeetle's rule); keep it to cheap checks.
[[noreturn]] inline void invariant_failed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "patron: invariant failed: %s (%s:%d)\n", condition, file, line);
  std::abort();
}

}  // namespace patron

#define PATRON_INVARIANT(condition) \
  ((condition) ? static_cast<void>(0) : ::patron::invariant_failed(#condition, __FILE__, __LINE__))
