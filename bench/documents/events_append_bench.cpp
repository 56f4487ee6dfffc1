// Appends events to a fresh RocksDB behaviour store through the port's
// append_events, in batches, with the same durability the server uses (WAL
// synced before acknowledging), and prints events/s against the target.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "storage/documents/rocksdb_store.h"

namespace {

using patron::documents::Event;
using patron::documents::EventType;
using patron::documents::RocksDocumentStore;

constexpr double kTargetEventsPerSecond = 200'000.0;  // issue 5
constexpr std::int64_t kStartMs = 1'700'000'000'000;
constexpr int kCustomers = 10'000;
constexpr int kSkus = 5'000;

struct Scenario {
  const char* name;
  int writers;
  bool sync;
};

// Pre-built so the timing covers the store (serialisation, keys, WAL,
// memtable, fsync), not the generation of test data.
std::vector<std::vector<Event>> make_batches(std::size_t events, std::size_t batch_size, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> customer(0, kCustomers - 1);
  std::uniform_int_distribution<int> sku(0, kSkus - 1);
  std::uniform_int_distribution<int> type(0, 5);
  std::vector<std::vector<Event>> batches;
  for (std::size_t made = 0; made < events;) {
    std::vector<Event> batch;
    for (std::size_t i = 0; i < batch_size && made < events; ++i, ++made) {
      Event event;
      event.customer_id = "cust-" + std::to_string(customer(random));
      event.type = static_cast<EventType>(type(random));
      event.sku = "SKU-" + std::to_string(sku(random));
      event.category = "category-" + std::to_string(sku(random) % 40);
      if (event.type == EventType::search) event.query = "oat milk organic";
      event.occurred_at_ms = kStartMs + static_cast<std::int64_t>(made);
      batch.push_back(std::move(event));
    }
    batches.push_back(std::move(batch));
  }
  return batches;
}

double run(const Scenario& scenario, std::size_t events, std::size_t batch_size, const std::filesystem::path& root) {
  const auto dir = root / scenario.name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(root);
  auto store = RocksDocumentStore::open(dir.string(), {.sync_writes = scenario.sync});
  if (!store) {
    std::fprintf(stderr, "open %s: %s\n", dir.c_str(), store.error().message.c_str());
    std::exit(1);
  }
  std::vector<std::vector<std::vector<Event>>> per_writer;
  for (int w = 0; w < scenario.writers; ++w) {
    per_writer.push_back(make_batches(events / static_cast<std::size_t>(scenario.writers), batch_size, 17u + w));
  }
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> writers;
  for (int w = 0; w < scenario.writers; ++w) {
    writers.emplace_back([&, w] {
      for (const auto& batch : per_writer[static_cast<std::size_t>(w)]) {
        if (!store.value()->append_events(batch)) {
          std::fprintf(stderr, "append failed\n");
          std::exit(1);
        }
      }
    });
  }
  for (auto& writer : writers) writer.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  store.value().reset();
  std::filesystem::remove_all(dir);
  return static_cast<double>(events / static_cast<std::size_t>(scenario.writers) * scenario.writers) / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Events/s into the RocksDB behaviour store, in-process, in batches"};
  std::size_t events = 1'000'000;
  std::size_t batch_size = patron::documents::kMaxEventsPerBatch;
  std::string dir = (std::filesystem::temp_directory_path() / ("patron-documents-bench-" + std::to_string(::getpid()))).string();
  app.add_option("--events", events, "events per scenario")->check(CLI::Range(1'000, 100'000'000));
  app.add_option("--batch", batch_size, "events per append_events call")
      ->check(CLI::Range(std::size_t{1}, patron::documents::kMaxEventsPerBatch));
  app.add_option("--dir", dir, "scratch directory (removed afterwards)");
  CLI11_PARSE(app, argc, argv);

  const Scenario scenarios[] = {
      {"1-writer-sync", 1, true},
      {"4-writers-sync", 4, true},
      {"1-writer-nosync-reference", 1, false},
  };
  std::printf("events per scenario: %zu, batch: %zu, dir: %s, hardware threads: %u\n", events, batch_size, dir.c_str(),
              std::thread::hardware_concurrency());
  std::printf("%-28s %14s %10s\n", "scenario", "events/s", "x target");
  std::fflush(stdout);
  for (const auto& scenario : scenarios) {
    const double rate = run(scenario, events, batch_size, dir);
    std::printf("%-28s %14.0f %10.2f\n", scenario.name, rate, rate / kTargetEventsPerSecond);
    std::fflush(stdout);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
