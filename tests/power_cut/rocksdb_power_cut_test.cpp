// Event batches into the RocksDB behaviour store (documents::RocksDocumentStore,
// as the server opens it, over a simulated disk) while the power is cut at a
// random moment; after each cut the store is reopened through the same code
// (RocksDB's recovery, the sequence lease) and every batch that was answered
// must be there, each event exactly once. See power_cut_fs.h for what a cut
// keeps, and tests/power_cut/CMakeLists.txt for the variant that must fail.
#include <atomic>
#include <map>
#include <thread>

#include <gtest/gtest.h>
#include <rocksdb/env.h>

#include "power_cut_fs.h"
#include "seed.h"
#include "storage/documents/rocksdb_store.h"

namespace patron::power_cut {
namespace {

constexpr int rounds = 4;
constexpr int writers = 2;
constexpr std::size_t max_batch = 40;

// Each event carries a name of its own in its sku. Recorded only inside
// PowerCutFileSystem::while_powered, so under its lock.
struct Answered {
  std::vector<std::string> events;
  std::vector<std::string> unexpected_failures;
};

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::unique_ptr<documents::RocksDocumentStore> open_store(const std::string& path, rocksdb::Env& env) {
  documents::RocksOptions options;
  options.env = &env;
  auto store = documents::RocksDocumentStore::open(path, options);
  if (!store.ok()) throw std::runtime_error("cannot open the store: " + store.error().message);
  return std::move(*store);
}

void append_batches(documents::DocumentStore& store, PowerCutFileSystem& disk, Answered& answered, int round,
                    int writer, std::uint64_t seed, const std::atomic<bool>& stopping, std::atomic<int>& batches) {
  std::mt19937_64 random(seed);
  for (int b = 0; !stopping; ++b) {
    std::vector<documents::Event> events(1 + random() % max_batch);
    for (std::size_t i = 0; i < events.size(); ++i) {
      events[i].customer_id = "cus_" + std::to_string(random() % 50);
      events[i].type = documents::EventType::view;
      events[i].sku = "r" + std::to_string(round) + "w" + std::to_string(writer) + "b" + std::to_string(b) + "e" +
                      std::to_string(i);
      events[i].occurred_at_ms = now_ms();
    }
    auto appended = store.append_events(events);
    disk.while_powered([&] {
      if (!appended.ok()) {
        answered.unexpected_failures.push_back(appended.error().message);
        return;
      }
      for (const auto& e : events) answered.events.push_back(e.sku);
    });
    ++batches;
  }
}

// Half the cuts come at a random moment, half right after an append reaches a
// file (mostly the WAL), before its sync.
std::string cut_power(PowerCutFileSystem& disk, std::mt19937_64& random) {
  // Short enough that the variant without sync cannot fill a 16 MiB memtable
  // (whose switch syncs the closed WAL) before the cut, and fail to fail.
  std::this_thread::sleep_for(random_moment(random, 100, 400));
  if (random() % 2 == 0) {
    disk.cut();
    return "at a random moment";
  }
  disk.cut_after_appends(1 + static_cast<int>(random() % 4));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (disk.power_is_on() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  disk.cut();  // at once if no append came in time
  return "right after an append";
}

// Appends under load until the power goes at a random moment; then the store
// closes as a dying process's would (its writes fail).
void run_until_power_cut(std::unique_ptr<documents::RocksDocumentStore> store, PowerCutFileSystem& disk,
                         Answered& answered, int round, std::mt19937_64& random) {
  const auto answered_before = answered.events.size();
  std::atomic<bool> stopping = false;
  std::atomic<int> batches = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back(append_batches, std::ref(*store), std::ref(disk), std::ref(answered), round, w, random(),
                         std::cref(stopping), std::ref(batches));
  }
  const auto when = cut_power(disk, random);
  stopping = true;
  for (auto& t : threads) t.join();
  store.reset();
  const auto answered_now = answered.events.size() - answered_before;
  std::printf("round %d: %d batches appended, %zu events answered before the cut, %s\n", round, batches.load(),
              answered_now, when.c_str());
  EXPECT_GT(answered_now, 0u) << "the power went before any batch was answered: the round proves nothing";
}

void expect_every_answered_event_once(documents::DocumentStore& store, const Answered& answered) {
  EXPECT_TRUE(answered.unexpected_failures.empty())
      << "a batch failed while the power was on: " << answered.unexpected_failures.front();
  std::map<std::string, int> stored;
  auto visited = store.visit_events(documents::TimeRange::all(), [&](const documents::Event& e) {
    ++stored[e.sku];
    return true;
  });
  ASSERT_TRUE(visited.ok()) << visited.error().message;
  int missing = 0;
  std::string examples;
  for (const auto& sku : answered.events) {
    if (stored.contains(sku)) continue;
    if (++missing <= 5) examples += " " + sku;
  }
  EXPECT_EQ(missing, 0) << missing << " of " << answered.events.size()
                        << " answered events are missing after the power cut (e.g." << examples << ")";
  for (const auto& [sku, copies] : stored) EXPECT_EQ(copies, 1) << "event " << sku << " stored " << copies << " times";
}

TEST(PowerCut, RocksDbKeepsEveryAnsweredEvent) {
  std::mt19937_64 random(seed_for_this_run());
  auto disk = std::make_shared<PowerCutFileSystem>();
  const auto env = rocksdb::NewCompositeEnv(disk);
  const auto dir = fresh_directory("power-cut-rocksdb");
  const auto path = (dir / "documents").string();
  Answered answered;
  for (int round = 0; round < rounds && !::testing::Test::HasFailure(); ++round) {
    auto store = open_store(path, *env);  // after a cut: RocksDB's recovery
    expect_every_answered_event_once(*store, answered);
    if (::testing::Test::HasFailure()) break;
    run_until_power_cut(std::move(store), *disk, answered, round, random);
    // The first cut loses every unsynced byte, which any missing sync shows;
    // later ones may also keep a random part of them.
    const auto survivors = round == 0 || random() % 2 == 0 ? Survivors::none : Survivors::random_prefix;
    disk->restore_synced_state(survivors, random);
    const auto stats = disk->stats();
    std::printf("round %d: power cut (%s survive): %llu unsynced bytes dropped, %llu files and %llu renames "
                "undone; syncs so far: %llu of files, %llu of directories\n",
                round, survivors == Survivors::none ? "no unsynced writes" : "random parts of the unsynced writes",
                static_cast<unsigned long long>(stats.bytes_dropped),
                static_cast<unsigned long long>(stats.files_removed),
                static_cast<unsigned long long>(stats.renames_undone),
                static_cast<unsigned long long>(stats.file_syncs), static_cast<unsigned long long>(stats.dir_syncs));
  }
  if (!::testing::Test::HasFailure()) expect_every_answered_event_once(*open_store(path, *env), answered);
  std::printf("%zu events answered before the cuts in all\n", answered.events.size());
  if (!::testing::Test::HasFailure()) std::filesystem::remove_all(dir);  // a failed run's files stay, to look at
}

}  // namespace
}  // namespace patron::power_cut
