// The services' door to SQL (services/database.h) and the Idempotency-Key
// replies behind it (services/idempotent_replies.h), on every backend: what
// the HTTP layer relies on without seeing a session or a SQL error.
#include <atomic>
#include <future>

#include "backend.h"
#include "services/database.h"
#include "services/idempotent_replies.h"
#include "storage/sql/changed_accounts.h"
#include "storage/sql/failures.h"
#include "storage/sql/read_pool.h"
#include "storage/sql/users_repository.h"
#include "storage/sql/write_queue.h"

namespace patron::sql::testing {
namespace {

constexpr std::int64_t t0 = 1'700'000'000;

class ServicesDatabase : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    writes_ = std::make_unique<WriteQueue>(url());
    reads_ = std::make_unique<ReadPool>(url(), 2);
    database_ = std::make_unique<services::Database>(*writes_, *reads_);
  }
  services::Database& database() { return *database_; }

  // answer_once in a write of its own; `runs` counts the work's runs.
  Result<services::KeyedAnswer> answer(const services::KeyedRequest& request, Result<services::KeptReply> reply,
                                       std::atomic<int>& runs) {
    std::optional<Result<services::KeyedAnswer>> answer;
    const auto done = database().write_now([&](services::Session session) -> Status {
      answer = services::answer_once(session, request, [&](services::Session) {
        ++runs;
        return reply;
      });
      return answer->ok() ? Status(Unit{}) : Status(answer->error());
    });
    if (!answer || (!done.ok() && answer->ok())) return done.error();  // never ran, or its commit failed
    return *answer;
  }

 private:
  std::unique_ptr<WriteQueue> writes_;
  std::unique_ptr<ReadPool> reads_;
  std::unique_ptr<services::Database> database_;
};

services::KeyedRequest keyed(const std::string& key, const std::string& hash, std::int64_t now = t0) {
  return {"user:" + key + " POST /api/v1/test", key, hash, now};
}

TEST_P(ServicesDatabase, ARepeatedKeyReplaysTheFirstReplyWithoutRunningAgain) {
  std::atomic<int> runs = 0;
  const auto request = keyed(unique("k"), "hash-a");
  auto first = answer(request, services::KeptReply{201, R"({"n":1})"}, runs);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->replayed);
  auto again = answer(request, services::KeptReply{201, R"({"n":2})"}, runs);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->reply.status, 201);
  EXPECT_EQ(again->reply.body, R"({"n":1})");
  EXPECT_EQ(runs.load(), 1);
}

TEST_P(ServicesDatabase, TheSameKeyWithAnotherRequestIsAConflictNamingTheHeader) {
  std::atomic<int> runs = 0;
  const auto key = unique("k");
  ASSERT_TRUE(answer(keyed(key, "hash-a"), services::KeptReply{200, "{}"}, runs).ok());
  auto other = answer(keyed(key, "hash-b"), services::KeptReply{200, "{}"}, runs);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::conflict);
  EXPECT_EQ(other.error().field, "Idempotency-Key");
  EXPECT_EQ(runs.load(), 1);
}

TEST_P(ServicesDatabase, AFailedRunLeavesTheKeyFreeForTheNextTry) {
  std::atomic<int> runs = 0;
  const auto request = keyed(unique("k"), "hash-a");
  auto failed = answer(request, Error::validation("points", "must be positive"), runs);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::validation_failed);
  auto retried = answer(request, services::KeptReply{200, R"({"ok":true})"}, runs);
  ASSERT_TRUE(retried.ok()) << retried.error().message;
  EXPECT_FALSE(retried->replayed);
  EXPECT_EQ(runs.load(), 2);
}

TEST_P(ServicesDatabase, ARecordPastItsRetentionIsPurgedAndTheKeyRunsAgain) {
  std::atomic<int> runs = 0;
  const auto key = unique("k");
  ASSERT_TRUE(answer(keyed(key, "hash-a", t0), services::KeptReply{200, "{}"}, runs).ok());
  const auto later = t0 + std::chrono::duration_cast<std::chrono::seconds>(services::reply_retention).count() + 1;
  ASSERT_TRUE(services::purge_expired_replies(database(), later).ok());
  auto after = answer(keyed(key, "hash-b", later), services::KeptReply{200, "{}"}, runs);
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_FALSE(after->replayed);
  EXPECT_EQ(runs.load(), 2);
}

TEST_P(ServicesDatabase, AWriteReportsTheAccountsItChangedOnceCommitted) {
  std::promise<services::WriteOutcome> outcome;
  database().write(
      [](services::Session) -> Status {
        note_account_changed("usr-a");
        note_account_changed("usr-b");
        note_account_changed("usr-a");
        return Unit{};
      },
      [&](services::WriteOutcome o) { outcome.set_value(std::move(o)); });
  auto got = outcome.get_future().get();
  ASSERT_TRUE(got.status.ok());
  EXPECT_EQ(got.changed_accounts, (std::vector<std::string>{"usr-a", "usr-b"}));
}

TEST_P(ServicesDatabase, AFailedWriteReportsItsErrorAndCommitsNothing) {
  const auto key = unique("k");
  std::promise<services::WriteOutcome> outcome;
  database().write(
      [&](services::Session session) -> Status {
        auto stored = services::answer_once(session, keyed(key, "hash-a"), [](services::Session) {
          return services::KeptReply{200, "{}"};
        });
        EXPECT_TRUE(stored.ok());
        return Error{ErrorCode::conflict, "stock ran out", "quantity"};  // the job fails after the record
      },
      [&](services::WriteOutcome o) { outcome.set_value(std::move(o)); });
  auto got = outcome.get_future().get();
  ASSERT_FALSE(got.status.ok());
  EXPECT_EQ(got.status.error().field, "quantity");
  std::atomic<int> runs = 0;
  auto fresh = answer(keyed(key, "hash-b"), services::KeptReply{200, "{}"}, runs);
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;  // the failed job's record was rolled back
  EXPECT_FALSE(fresh->replayed);
}

TEST_P(ServicesDatabase, AReadThatThrowsBecomesAnUnavailableError) {
  const auto done = database().read([](services::Session session) {
    soci::session& sql = session;
    sql << "SELECT no_such_column FROM no_such_table";
  });
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().code, ErrorCode::unavailable);
}

UserRecord staff_user(const std::string& email) {
  UserRecord u;
  u.id = unique("usr");
  u.email = email;
  u.password_hash = "h";
  u.name = "S";
  u.role = "staff";
  return u;
}

// A unique key met in the database (two requests saving the same e-mail at
// once) is the writer's conflict, not the database's unavailability; the
// other writes of its batch commit.
TEST_P(ServicesDatabase, AWriteThatBreaksAUniqueKeyIsAConflictAndAloneInItsBatch) {
  const auto email = unique("e") + "@example.test";
  const auto first = staff_user(email), duplicate = staff_user(email), other = staff_user(unique("e") + "@x.test");
  std::vector<std::future<services::WriteOutcome>> outcomes;
  for (const auto* user : {&first, &duplicate, &other}) {
    auto promise = std::make_shared<std::promise<services::WriteOutcome>>();
    outcomes.push_back(promise->get_future());
    database().write(
        [user](services::Session session) -> Status {
          UsersRepository(session).insert(*user, t0);
          return Unit{};
        },
        [promise](services::WriteOutcome o) { promise->set_value(std::move(o)); });
  }
  std::vector<Status> statuses;
  for (auto& outcome : outcomes) statuses.push_back(outcome.get().status);
  EXPECT_TRUE(statuses[0].ok());
  ASSERT_FALSE(statuses[1].ok());
  EXPECT_EQ(statuses[1].error().code, ErrorCode::conflict);
  EXPECT_EQ(statuses[1].error().message.find("users"), std::string::npos) << "no table names in answers";
  EXPECT_TRUE(statuses[2].ok());
  UsersRepository users(db());
  EXPECT_TRUE(users.find_by_id(first.id));
  EXPECT_FALSE(users.find_by_id(duplicate.id));
  EXPECT_TRUE(users.find_by_id(other.id));
}

TEST(RetryPolicy, ConflictBackoffDoublesFromOneMillisecondAndStopsAt64) {
  EXPECT_EQ(RetryPolicy::conflict_backoff(0).count(), 1);
  EXPECT_EQ(RetryPolicy::conflict_backoff(3).count(), 8);
  EXPECT_EQ(RetryPolicy::conflict_backoff(RetryPolicy::max_conflict_retries).count(), 64);
  EXPECT_EQ(RetryPolicy::conflict_backoff(-5).count(), 1);
}

PATRON_ALL_BACKENDS(ServicesDatabase);

}  // namespace
}  // namespace patron::sql::testing
