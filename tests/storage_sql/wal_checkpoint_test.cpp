// SQLite's WAL is checkpointed by the write queue's own thread, not by the
// writer at COMMIT: after a burst of writes well past SQLite's default
// autocheckpoint (1,000 pages) but under the writer's raised one, the pages
// reach the database file within a few checkpoint intervals.
#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "backend.h"
#include "storage/sql/write_queue.h"

namespace patron::sql::testing {
namespace {

std::uintmax_t file_size_or_zero(const std::filesystem::path& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : size;
}

TEST(WalCheckpointer, MovesCommittedPagesIntoTheDatabaseFileOffTheWriter) {
  const auto dir = std::filesystem::path(std::getenv("PATRON_TEST_SQLITE_DIR") ? std::getenv("PATRON_TEST_SQLITE_DIR")
                                                                                 : std::filesystem::temp_directory_path());
  const auto db = dir / (unique("wal") + ".db");
  DatabaseUrl url;
  url.dialect = Dialect::sqlite;
  url.path = db.string();
  {
    WriteQueue writes(url);
    auto created = writes.run<int>([](soci::session& s) -> Result<int> {
      s << "CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)";
      return 0;
    });
    ASSERT_TRUE(created.ok());
    auto writer_autocheckpoint = writes.run<int>([](soci::session& s) -> Result<int> {
      int pages = 0;
      s << "PRAGMA wal_autocheckpoint", soci::into(pages);
      return pages;
    });
    ASSERT_TRUE(writer_autocheckpoint.ok());
    EXPECT_EQ(*writer_autocheckpoint, writer_autocheckpoint_pages) << "the writer leaves checkpoints to the checkpointer";
    const auto empty_size = file_size_or_zero(db);
    // About 3,000 pages of 4 KiB: past SQLite's default autocheckpoint, well under the writer's.
    const std::string body(3000, 'x');
    for (int batch = 0; batch < 40; ++batch) {
      auto wrote = writes.run<int>([&](soci::session& s) -> Result<int> {
        for (int i = 0; i < 100; ++i) s << "INSERT INTO filler (body) VALUES (:b)", soci::use(body);
        return 0;
      });
      ASSERT_TRUE(wrote.ok());
    }
    // Waits on the condition itself; the bound is generous (a checkpoint
    // interval is far shorter) so that only a checkpointer that never runs fails.
    const auto checkpointed = [&] { return file_size_or_zero(db) >= empty_size + 8 * 1024 * 1024; };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!checkpointed() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(checkpointed()) << "the committed pages were not checkpointed into the database file within 120 s ("
                                << file_size_or_zero(db) << " bytes)";
  }
  std::filesystem::remove(db);
  std::filesystem::remove(db.string() + "-wal");
  std::filesystem::remove(db.string() + "-shm");
}

}  // namespace
}  // namespace patron::sql::testing
