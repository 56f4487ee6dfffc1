// What only the RocksDB adapter promises: its URI, its directory lock, and
// that an acknowledged batch survives the process being killed.
#include <csignal>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "storage/documents/document_store.h"
#include "storage/documents/rocksdb_store.h"
#include "temp_dir.h"

namespace patron::documents {
namespace {

TEST(OpenDocumentStore, ChoosesTheAdapterByScheme) {
  testing::TempDir dir;
  auto rocks = open_document_store("rocksdb://" + dir.path().string());
  ASSERT_TRUE(rocks.ok()) << rocks.error().message;
  EXPECT_NE(dynamic_cast<RocksDocumentStore*>(rocks.value().get()), nullptr);
  EXPECT_EQ(open_document_store("rocksdb://").error().code, ErrorCode::validation_failed);
  EXPECT_EQ(open_document_store("postgres://x").error().code, ErrorCode::validation_failed);
  EXPECT_EQ(open_document_store("").error().code, ErrorCode::validation_failed);
  EXPECT_EQ(open_document_store("mongodb://").error().code, ErrorCode::validation_failed);  // no host
}

TEST(RocksDocumentStore, ASecondOpenOfTheSameDirectoryIsUnavailable) {
  testing::TempDir dir;
  auto first = RocksDocumentStore::open(dir.path().string());
  ASSERT_TRUE(first.ok());
  auto second = RocksDocumentStore::open(dir.path().string());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::unavailable);
}

// A child process appends batches and reports each acknowledged one through
// a pipe; the parent SIGKILLs it mid-stream, reopens the directory and
// expects every acknowledged event to be there.
TEST(RocksDocumentStore, AcknowledgedBatchesSurviveSigkill) {
  constexpr int kBatchEvents = 100;
  constexpr int kAcksBeforeKill = 30;
  testing::TempDir dir;
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(pipe_fds[0]);
    auto store = RocksDocumentStore::open(dir.path().string());
    if (!store) ::_exit(2);
    for (std::int32_t batch_index = 0;; ++batch_index) {
      std::vector<Event> events(kBatchEvents);
      for (int i = 0; i < kBatchEvents; ++i) {
        events[i].customer_id = "c-" + std::to_string(i % 7);
        events[i].occurred_at_ms = 1'700'000'000'000 + batch_index;
      }
      if (!store.value()->append_events(events)) ::_exit(3);
      if (::write(pipe_fds[1], &batch_index, sizeof batch_index) != sizeof batch_index) ::_exit(4);
    }
  }
  ::close(pipe_fds[1]);
  std::int32_t last_acked = -1;
  for (int acks = 0; acks < kAcksBeforeKill; ++acks) {
    ASSERT_EQ(::read(pipe_fds[0], &last_acked, sizeof last_acked), static_cast<ssize_t>(sizeof last_acked));
  }
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int wait_status = 0;
  ASSERT_EQ(::waitpid(child, &wait_status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(wait_status));
  ::close(pipe_fds[0]);

  auto reopened = RocksDocumentStore::open(dir.path().string());
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  std::size_t stored = 0;
  ASSERT_TRUE(reopened.value()->visit_events(TimeRange::all(), [&](const Event&) { return ++stored > 0; }).ok());
  EXPECT_GE(stored, static_cast<std::size_t>(last_acked + 1) * kBatchEvents);
  EXPECT_EQ(stored % kBatchEvents, 0u) << "a batch was torn";
}

}  // namespace
}  // namespace patron::documents
