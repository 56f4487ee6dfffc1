// The `patron` command, a lean front end. Analyses of files run here, with
// only the analytics linked, so `patron analyze rfm --transactions f.csv`
// starts in about a millisecond instead of loading some fifty shared
// libraries it would never use. Every other command, and analyses that read
// the SQL store, replace this process with patron-full (same folder), which
// holds the server and the stores; the process id stays the same.
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "app/analyze/analyze_command.h"

namespace {

constexpr std::array<std::string_view, 6> kFileAnalyses{"btyd", "clv", "models", "rules", "rfm", "cohorts"};
constexpr std::array<std::string_view, 3> kFileOptions{"--summary", "--transactions", "--baskets"};

bool names_a_file(std::string_view argument) {
  for (const auto option : kFileOptions) {
    if (argument == option || argument.starts_with(std::string(option) + "=")) return true;
  }
  return false;
}

// `analyze <file analysis> ... --transactions F ...`: everything it needs is here.
bool runs_here(int argc, char** argv) {
  if (argc < 4 || std::string_view(argv[1]) != "analyze") return false;
  bool known = false;
  for (const auto name : kFileAnalyses) known = known || argv[2] == name;
  if (!known) return false;
  for (int i = 3; i < argc; ++i) {
    if (names_a_file(argv[i])) return true;
  }
  return false;
}

std::string full_program_path() {
  std::array<char, PATH_MAX> self{};
  const ssize_t length = readlink("/proc/self/exe", self.data(), self.size() - 1);
  std::string path = length > 0 ? std::string(self.data(), static_cast<std::size_t>(length)) : std::string("patron");
  const auto slash = path.rfind('/');
  return (slash == std::string::npos ? std::string(".") : path.substr(0, slash)) + "/patron-full";
}

// An analysis allocates and frees tables of a few megabytes: by default each
// is mapped fresh and unmapped on free, and on a virtual machine every first
// touch of a 4 KiB page costs ~15 us, more than parsing the bytes on it. From
// the heap, with no trimming, a freed table's pages serve the next one.
void keep_freed_memory_for_reuse() {
  constexpr int kLargestHeapBlock = 32 << 20;  // glibc's maximum on 64-bit
  constexpr int kKeptFreeTop = 256 << 20;
  mallopt(M_MMAP_THRESHOLD, kLargestHeapBlock);
  mallopt(M_TRIM_THRESHOLD, kKeptFreeTop);
}

// The heap's next 30 MiB in transparent huge pages: one fault maps 2 MiB, where
// 4 KiB pages cost a fault each (~10 us here, more than the work on the page;
// measured: 400 pages touched in 0.14 ms instead of 4.7 ms). The block is
// taken from the top of the heap, advised, and given back, so later tables
// are carved from the advised range; the part below its first 2 MiB boundary
// stays taken, so they start inside it. Advice only: where the kernel has THP
// off (or no huge page to give) this changes nothing.
void back_heap_with_huge_pages() {
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  constexpr std::size_t kAdvisedBytes = std::size_t{30} << 20;  // below the mmap threshold: from the heap
  auto* block = static_cast<char*>(std::malloc(kAdvisedBytes));
  if (block == nullptr) return;
  const auto start = reinterpret_cast<std::uintptr_t>(block);
  const std::uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t end = (start + kAdvisedBytes) & ~(kHugePage - 1);
  if (end > aligned) madvise(reinterpret_cast<void*>(aligned), end - aligned, MADV_HUGEPAGE);
  std::free(block);
  constexpr std::size_t kChunkHeader = 16;
  // Never freed: the 4 KiB-paged head of the block. Volatile, because a
  // compiler may drop a malloc whose result is never read, and did: the later
  // tables then started in the head and faulted in 4 KiB pages again.
  [[maybe_unused]] static void* volatile kept_head = nullptr;
  if (aligned - start > 2 * kChunkHeader) kept_head = std::malloc(aligned - start - 2 * kChunkHeader);
}

}  // namespace

int main(int argc, char** argv) {
  if (!runs_here(argc, argv)) {
    const std::string full = full_program_path();
    execv(full.c_str(), argv);
    std::cerr << "error: cannot start " << full << ": " << std::strerror(errno) << "\n";
    return 127;
  }
  keep_freed_memory_for_reuse();
  back_heap_with_huge_pages();
  std::ios::sync_with_stdio(false);
  CLI::App cli{"Patron: retail loyalty with customer-behaviour analytics"};
  cli.require_subcommand(1);
  patron::app::add_analyze_command(cli, {}, argv[2]);  // runs_here checked that argv[2] names an analysis
  CLI11_PARSE(cli, argc, argv);
  return 0;
}
