// What only the RocksDB adapter promises: its URI, its directory lock, that an
// acknowledged batch survives the process being killed, and a read-only open
// beside a process that holds the lock.
#include <csignal>
#include <filesystem>
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

std::vector<Event> events_of(const std::string& customer, int count) {
  std::vector<Event> events(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    events[static_cast<std::size_t>(i)].customer_id = customer;
    events[static_cast<std::size_t>(i)].occurred_at_ms = 1'700'000'000'000 + i;
  }
  return events;
}

std::size_t count_events(DocumentStore& store) {
  std::size_t seen = 0;
  EXPECT_TRUE(store.visit_events(TimeRange::all(), [&](const Event&) { return ++seen > 0; }).ok());
  return seen;
}

// The child plays `patron serve`: it opens the directory read-write (taking
// the LOCK), writes, acknowledges through a pipe, and stays open until the
// parent closes the other pipe. The parent, as `patron analyze`, reads.
TEST(RocksDocumentStore, ReadOnlyOpenReadsWhileAnotherProcessHoldsTheLock) {
  constexpr int kEvents = 250;
  testing::TempDir dir;
  int ready[2], done[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(done), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(ready[0]);
    ::close(done[1]);
    auto store = RocksDocumentStore::open(dir.path().string());
    if (!store || !store.value()->append_events(events_of("c-1", kEvents))) ::_exit(2);
    const char ack = 1;
    if (::write(ready[1], &ack, 1) != 1) ::_exit(3);
    char ignored = 0;
    if (::read(done[0], &ignored, 1) < 0) ::_exit(4);  // 0 once the parent closes its end
    ::_exit(0);
  }
  ::close(ready[1]);
  ::close(done[0]);
  char ack = 0;
  ASSERT_EQ(::read(ready[0], &ack, 1), 1);

  auto writer = RocksDocumentStore::open(dir.path().string());
  ASSERT_FALSE(writer.ok()) << "the child should hold the lock";
  EXPECT_EQ(writer.error().code, ErrorCode::unavailable);
  {
    auto reader = open_document_store("rocksdb://" + dir.path().string(), OpenMode::read_only);
    ASSERT_TRUE(reader.ok()) << reader.error().message;
    EXPECT_EQ(count_events(*reader.value()), static_cast<std::size_t>(kEvents));  // unflushed, from the WAL
    EXPECT_FALSE(reader.value()->append_events(events_of("c-2", 1)).ok());
    auto second_reader = open_document_store("rocksdb://" + dir.path().string(), OpenMode::read_only);
    ASSERT_TRUE(second_reader.ok()) << second_reader.error().message;
  }
  ::close(done[1]);
  int wait_status = 0;
  ASSERT_EQ(::waitpid(child, &wait_status, 0), child);
  EXPECT_TRUE(WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0);
  ::close(ready[0]);
}

TEST(RocksDocumentStore, ReadOnlyOpenSeesWritesOfAHandleInTheSameProcessUpToItsOpen) {
  testing::TempDir dir;
  auto server = RocksDocumentStore::open(dir.path().string());
  ASSERT_TRUE(server.ok());
  ASSERT_TRUE(server.value()->append_events(events_of("c-1", 10)).ok());
  auto reader = RocksDocumentStore::open_read_only(dir.path().string());
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  ASSERT_TRUE(server.value()->append_events(events_of("c-1", 5)).ok());
  EXPECT_EQ(count_events(*reader.value()), 10u);  // a point-in-time reader: no tailing after open
  EXPECT_EQ(count_events(*server.value()), 15u);
}

TEST(RocksDocumentStore, ReadOnlyOpenOfAMissingStoreIsUnavailableAndCreatesNothing) {
  testing::TempDir dir;
  const auto missing = dir.path() / "never-opened";
  auto reader = open_document_store("rocksdb://" + missing.string(), OpenMode::read_only);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, ErrorCode::unavailable);
  EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
}  // namespace patron::documents
