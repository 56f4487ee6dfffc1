// The SQLite writer's statement cache: statements run through it store and
// read exactly what SOCI's path does, a failed one leaves nothing half-bound
// for the next use, and no other session or thread can reach it.
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "backend.h"
#include "storage/sql/statement_cache.h"

namespace patron::sql::testing {
namespace {

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("PATRON_TEST_SQLITE_DIR");
    path_ = std::filesystem::path(dir ? dir : std::filesystem::temp_directory_path().string()) /
            (unique("statements") + ".db");
    session_.open("sqlite3", "db=" + path_.string());
    session_ << "CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT, size BIGINT NOT NULL)";
  }
  void TearDown() override {
    session_.close();
    std::filesystem::remove(path_);
  }
  long long count() {
    long long n = 0;
    session_ << "SELECT COUNT(*) FROM notes", soci::into(n);
    return n;
  }

  std::filesystem::path path_;
  soci::session session_;
};

constexpr std::string_view insert_note = "INSERT INTO notes (id, body, size) VALUES (:id, :b, :s)";

TEST_F(StatementCacheTest, WritesThroughTheCacheAndThroughSociStoreTheSameRows) {
  Write(session_, insert_note).text("soci").text_or_null("").integer(-7).run();
  {
    StatementCache cache(session_);
    StatementCacheScope scope(&cache);
    ASSERT_TRUE(reuse(session_, insert_note).has_value()) << "the cache is current on this thread";
    for (int i = 0; i < 3; ++i) {
      EXPECT_EQ(Write(session_, insert_note).text("cached" + std::to_string(i)).text_or_null("").integer(-7).run(), 1);
    }
    auto read = reuse(session_, "SELECT body IS NULL, size FROM notes WHERE id = :id");
    ASSERT_TRUE(read.has_value());
    ASSERT_TRUE(read->bind(1, std::string("cached2")).next_row());
    EXPECT_EQ(read->integer(0), 1) << "an empty text_or_null is NULL";
    EXPECT_EQ(read->integer(1), -7);
  }
  std::string body_is_null_soci, body_is_null_cached;
  long long soci_size = 0, cached_size = 0;
  session_ << "SELECT CAST(body IS NULL AS TEXT), size FROM notes WHERE id = 'soci'", soci::into(body_is_null_soci),
      soci::into(soci_size);
  session_ << "SELECT CAST(body IS NULL AS TEXT), size FROM notes WHERE id = 'cached0'", soci::into(body_is_null_cached),
      soci::into(cached_size);
  EXPECT_EQ(body_is_null_soci, body_is_null_cached);
  EXPECT_EQ(soci_size, cached_size);
  EXPECT_EQ(count(), 4);
}

TEST_F(StatementCacheTest, AFailedStatementThrowsAndTheNextUseStartsClean) {
  StatementCache cache(session_);
  StatementCacheScope scope(&cache);
  Write(session_, insert_note).text("a").text("first").integer(1).run();
  EXPECT_THROW(Write(session_, insert_note).text("a").text("again").integer(2).run(), soci::soci_error);
  EXPECT_EQ(Write(session_, insert_note).text("b").text("second").integer(3).run(), 1);
  EXPECT_EQ(Write(session_, "UPDATE notes SET size = size + 1 WHERE size > :s").integer(0).run(), 2)
      << "run() answers the rows changed";
  EXPECT_EQ(Write(session_, "UPDATE notes SET size = 0 WHERE id = :id").text("missing").run(), 0);
  EXPECT_EQ(count(), 2);
}

TEST_F(StatementCacheTest, OnlyTheCachesOwnConnectionOnItsOwnThreadReusesIt) {
  StatementCache cache(session_);
  EXPECT_FALSE(reuse(session_, insert_note).has_value()) << "no scope is open yet";
  StatementCacheScope scope(&cache);
  soci::session other("sqlite3", "db=" + path_.string());
  EXPECT_FALSE(reuse(other, insert_note).has_value()) << "another connection takes SOCI's path";
  bool reused_elsewhere = true;
  std::thread([&] { reused_elsewhere = reuse(session_, insert_note).has_value(); }).join();
  EXPECT_FALSE(reused_elsewhere) << "the scope is per thread";
  Write(other, insert_note).text("other").text("x").integer(1).run();
  EXPECT_EQ(count(), 1);
}

}  // namespace
}  // namespace patron::sql::testing
