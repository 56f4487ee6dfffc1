// Replies to committed writes wait for the durability step that covers them:
// the finisher's ordering, the WAL file it syncs, and the SQLite writer that
// relies on both (its own COMMIT no longer fsyncs).
#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <vector>

#include <gtest/gtest.h>

#include "backend.h"
#include "storage/sql/commit_finisher.h"
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

TEST(WalFile, SyncsTheLogAndFollowsItWhenReplacedOrAbsent) {
  const auto db = scratch("walfile");
  std::ofstream(db) << "database";
  WalFile wal(db.string());
  wal.sync();  // no log: the database file is synced instead
  std::ofstream(db.string() + "-wal") << "frames";
  wal.sync();
  std::filesystem::remove(db.string() + "-wal");
  std::ofstream(db.string() + "-wal") << "a new log";
  wal.sync();  // reopened by inode, not the removed one
  std::filesystem::remove(db.string() + "-wal");
  std::filesystem::remove(db);
  SUCCEED() << "a failed sync would have ended the process";
}

TEST(WriteQueueOnSqlite, CommitsWithoutFsyncAndAnswersOnlyAfterTheWalSync) {
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
    EXPECT_EQ(*synchronous, 1) << "NORMAL: the finisher's WAL sync makes commits durable";
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

}  // namespace
}  // namespace patron::sql::testing
