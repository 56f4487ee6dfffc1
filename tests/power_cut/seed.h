#pragma once
// The power-cut tests' randomness comes from one printed seed; set
// PATRON_POWER_CUT_SEED to replay a run.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace patron::power_cut {

inline std::uint64_t seed_for_this_run() {
  std::uint64_t seed = 0;
  if (const char* given = std::getenv("PATRON_POWER_CUT_SEED"); given != nullptr && *given != '\0') {
    seed = std::strtoull(given, nullptr, 10);
  } else {
    seed = (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
  }
  std::printf("power cut seed: %llu (replay with PATRON_POWER_CUT_SEED=%llu)\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed));
  std::fflush(stdout);
  return seed;
}

// A fresh directory for this run's files, under PATRON_POWER_CUT_DIR (the
// build tree, from ctest) or the temporary directory. One name per binary, so
// a failed run's files (kept, to look at) are replaced by the next run's.
inline std::filesystem::path fresh_directory(const std::string& name) {
#ifdef PATRON_TEST_SKIP_SYNC
  const std::string variant = "-without-sync";
#else
  const std::string variant;
#endif
  const char* base = std::getenv("PATRON_POWER_CUT_DIR");
  auto dir = std::filesystem::path(base != nullptr && *base != '\0' ? base : std::filesystem::temp_directory_path()) /
             (name + variant);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// How long the load runs before the power goes, in [shortest, longest] ms.
inline std::chrono::milliseconds random_moment(std::mt19937_64& random, int shortest, int longest) {
  return std::chrono::milliseconds(std::uniform_int_distribution<int>(shortest, longest)(random));
}

}  // namespace patron::power_cut
