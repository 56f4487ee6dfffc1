// Replies to committed writes wait for the durability step that covers them:
// the finisher's ordering, the WAL file it syncs, and the SQLite writer that
// relies on both (its own COMMIT no longer fsyncs).
#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "backend.h"
#include "storage/sql/commit_finisher.h"
#include "storage/sql/sqlite_wal_vfs.h"
#include "storage/sql/wal_file.h"
#include "storage/sql/write_queue.h"

namespace patron::sql::testing {
namespace {

std::filesystem::path scratch(const std::string& name) {
  const char* dir = std::getenv("PATRON_TEST_SQLITE_DIR");
  return std::filesystem::path(dir ? dir : std::filesystem::temp_directory_path().string()) / unique(name);
}

TEST(CommitFinisher, RunsNoCallbackBeforeTheDurabilityStepThatCoversIt) {
  std::mutex mutex;
  std::vector<std::string> events;
  auto note = [&](std::string event) {
    std::lock_guard lock(mutex);
    events.push_back(std::move(event));
  };
  std::promise<void> release;
  auto released = release.get_future().share();
  std::atomic<int> steps = 0;
  std::promise<void> first_sync_began;
  {
    CommitFinisher finisher([&] {
      if (steps == 0) first_sync_began.set_value();
      released.wait();  // the disk is slow: batches pile up behind this sync
      note("durable " + std::to_string(++steps));
    });
    finisher.finish({[&] { note("a"); }}, true);
    first_sync_began.get_future().wait();
    finisher.finish({[&] { note("b"); }, [&] { note("c"); }}, true);
    finisher.finish({[&] { note("d"); }}, false);
    {
      std::lock_guard lock(mutex);
      EXPECT_TRUE(events.empty()) << "nothing is answered while its sync runs";
    }
    release.set_value();
  }  // the destructor answers what is pending
  ASSERT_GE(events.size(), 5u);
  EXPECT_EQ(events[0], "durable 1");
  EXPECT_EQ(events[1], "a");
  // b, c and d were handed over during the first sync: one more covers them all.
  const std::vector<std::string> rest(events.begin() + 2, events.end());
  EXPECT_EQ(rest, (std::vector<std::string>{"durable 2", "b", "c", "d"}));
}

TEST(CommitFinisher, BatchesThatNeedNoDurabilityStepAreAnsweredWithoutOne) {
  int steps = 0;
  std::promise<void> answered;
  CommitFinisher finisher([&] { ++steps; });
  finisher.finish({[&] { answered.set_value(); }}, false);
  answered.get_future().wait();
  EXPECT_EQ(steps, 0);
}

// What this process holds open, as /proc/self/fd shows it: a file that was
// removed reads "PATH (deleted)".
std::vector<std::string> open_files() {
  std::vector<std::string> targets;
  for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    auto target = std::filesystem::read_symlink(fd.path(), error);
    if (!error) targets.push_back(target.string());
  }
  return targets;
}

// How many descriptors this process holds on `path` (as it is now, or removed).
std::pair<long, long> held(const std::string& path) {
  const auto files = open_files();
  return {std::count(files.begin(), files.end(), path), std::count(files.begin(), files.end(), path + " (deleted)")};
}

TEST(WalFile, SyncsTheLogAndFollowsItWhenReplacedOrAbsent) {
  const auto db = std::filesystem::absolute(scratch("walfile")).string();
  const auto log = db + "-wal";
  std::ofstream(db) << "database";
  {
    WalFile wal(db);
    EXPECT_EQ(held(db), std::make_pair(0L, 0L)) << "nothing is opened before the first sync";
    wal.sync();
    EXPECT_EQ(held(db), std::make_pair(1L, 0L)) << "no log: the database file itself is synced";
    std::ofstream(log) << "frames";
    wal.sync();
    EXPECT_EQ(held(log), std::make_pair(1L, 0L)) << "the log, once there, is what is synced";
    EXPECT_EQ(held(db), std::make_pair(0L, 0L)) << "the database file is let go";
    wal.sync();
    EXPECT_EQ(held(log), std::make_pair(1L, 0L)) << "one descriptor, kept from sync to sync";
    std::filesystem::remove(log);
    std::ofstream(log) << "a new log";
    wal.sync();
    EXPECT_EQ(held(log), std::make_pair(1L, 0L)) << "the replaced log is followed, the removed one let go";
  }
  EXPECT_EQ(held(log), std::make_pair(0L, 0L)) << "closed with the WalFile";
  std::filesystem::remove(log);
  std::filesystem::remove(db);
}

TEST(WalFileDeathTest, AFileItCannotSyncEndsTheProcess) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const auto db = std::filesystem::absolute(scratch("walfile-missing")).string();
  WalFile wal(db);  // neither the database nor its log exists: nothing can be synced
  // It aborts (the message goes to the log, on stdout) rather than let a write be answered.
  EXPECT_EXIT(wal.sync(), ::testing::KilledBySignal(SIGABRT), "");
}

TEST(WriteQueueOnSqlite, AnswersOnlyAfterTheFinishersWalSync) {
  const auto db = scratch("lazy").string() + ".db";
  DatabaseUrl url;
  url.dialect = Dialect::sqlite;
  url.path = db;
  {
    WriteQueue writes(url);
    auto synchronous = writes.run<int>([](soci::session& s) -> Result<int> {
      int level = -1;
      s << "PRAGMA synchronous", soci::into(level);
      s << "CREATE TABLE t (v INTEGER)";
      return level;
    });
    ASSERT_TRUE(synchronous.ok());
    EXPECT_EQ(*synchronous, 2) << "FULL: SQLite still syncs at COMMIT; the layer below hands that to the finisher";
    std::vector<std::future<Result<int>>> answers;
    for (int i = 0; i < 50; ++i) {
      auto promise = std::make_shared<std::promise<Result<int>>>();
      answers.push_back(promise->get_future());
      writes.submit<int>(
          [i](soci::session& s) -> Result<int> {
            s << "INSERT INTO t (v) VALUES (:v)", soci::use(i);
            return i;
          },
          [promise](Result<int> r) { promise->set_value(std::move(r)); });
    }
    for (auto& answer : answers) ASSERT_TRUE(answer.get().ok());
    const auto finished = writes.finisher_stats();
    EXPECT_EQ(finished.batches, writes.stats().batches) << "every committed batch went through the finisher";
    EXPECT_GE(finished.durability_steps, 1u);
    EXPECT_LE(finished.durability_steps, finished.batches);
  }
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

// The file-system layer under SQLite: a transaction's WAL frames reach the file
// in a few large writes (past the 128 KiB the unix layer takes at once), are
// read back intact by another connection, and only the group-commit writer's
// thread leaves its COMMIT's sync to the finisher.
TEST(SqliteWalVfs, GathersFramesIntoFewWritesAndDefersOnlyTheWritersSync) {
  const auto db = scratch("vfs").string() + ".db";
  DatabaseUrl url;
  url.path = db;
  auto writer = open_session(url);
  *writer << "CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)";
  const std::string body(3000, 'v');
  auto insert_many = [&](soci::session& s, int first) {
    s.begin();
    for (int i = first; i < first + 100; ++i) s << "INSERT INTO blobs (id, body) VALUES (:i, :b)", soci::use(i), soci::use(body);
    s.commit();  // about 100 frames, 400 KiB
  };
  const auto before = sqlite_wal_vfs_stats();
  insert_many(*writer, 0);
  const auto unmarked = sqlite_wal_vfs_stats();
  EXPECT_GE(unmarked.writes_asked - before.writes_asked, 200u) << "two writes a frame";
  EXPECT_LE(unmarked.writes_made - before.writes_made, 12u) << "gathered into 64 KiB pieces";
  EXPECT_GE(unmarked.syncs_passed_on - before.syncs_passed_on, 1u) << "another thread's COMMIT syncs as SQLite asks";
  EXPECT_EQ(unmarked.syncs_left_to_finisher, before.syncs_left_to_finisher);

  WalVfsStats marked, checkpointed;
  std::thread([&] {
    mark_thread_as_group_committer();
    auto committer = open_session(url);
    *committer << "PRAGMA checkpoint_fullfsync=ON";  // as the write queue's writer sets it
    insert_many(*committer, 100);
    marked = sqlite_wal_vfs_stats();
    *committer << "PRAGMA wal_checkpoint(PASSIVE)";
    checkpointed = sqlite_wal_vfs_stats();
  }).join();
  EXPECT_GE(marked.syncs_left_to_finisher - unmarked.syncs_left_to_finisher, 1u);
  EXPECT_EQ(marked.syncs_passed_on, unmarked.syncs_passed_on) << "the writer's COMMIT sync waits for the finisher";
  EXPECT_GE(checkpointed.syncs_passed_on - marked.syncs_passed_on, 1u)
      << "a checkpoint on the writer's thread syncs the log before copying it into the database";
  EXPECT_EQ(checkpointed.syncs_left_to_finisher, marked.syncs_left_to_finisher);

  auto reader = open_session(url);
  long long rows = 0, length = 0;
  *reader << "SELECT COUNT(*), SUM(LENGTH(body)) FROM blobs WHERE body = :b", soci::use(body), soci::into(rows),
      soci::into(length);
  EXPECT_EQ(rows, 200);
  EXPECT_EQ(length, 200 * 3000);
  long long integrity_errors = 0;
  *reader << "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'", soci::into(integrity_errors);
  EXPECT_EQ(integrity_errors, 0);
  reader.reset();
  writer.reset();
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

}  // namespace
}  // namespace patron::sql::testing
