// The write queue's batches (a failed job rolls back alone under savepoints;
// jobs run once when no failed one had written) and the read pool's bound.
#include <atomic>
#include <future>
#include <thread>

#include "backend.h"
#include "storage/sql/read_pool.h"
#include "storage/sql/users_repository.h"
#include "storage/sql/write_queue.h"

namespace patron::sql::testing {
namespace {

constexpr std::int64_t t0 = 1'700'000'000;

class WritePaths : public BackendTest {};

UserRecord plain_user() {
  UserRecord u;
  u.id = unique("usr");
  u.email = u.id + "@example.test";
  u.password_hash = "h";
  u.name = "W";
  u.role = "staff";
  return u;
}

// Jobs submitted while the writer is held on a first one, so that they queue
// up into one batch; answers() releases the writer and collects whether each
// job succeeded, in order.
class HeldBatch {
 public:
  explicit HeldBatch(WriteQueue& writes) : writes_(writes) {
    submit([opened = gate_.get_future().share()](soci::session&) -> Result<Unit> {
      opened.wait();
      return Unit{};
    });
  }
  void submit(std::function<Result<Unit>(soci::session&)> work) {
    auto p = std::make_shared<std::promise<bool>>();
    done_.push_back(p->get_future());
    writes_.submit<Unit>(std::move(work), [p](Result<Unit> r) { p->set_value(r.ok()); });
  }
  std::vector<bool> answers() {
    gate_.set_value();
    std::vector<bool> ok;
    for (auto& f : done_) ok.push_back(f.get());
    return ok;
  }

 private:
  WriteQueue& writes_;
  std::promise<void> gate_;
  std::vector<std::future<bool>> done_;
};

TEST_P(WritePaths, AFailedJobRollsBackAloneInItsBatch) {
  WriteQueue writes(url());
  auto first = plain_user(), second = plain_user(), third = plain_user();
  auto duplicate = first;
  duplicate.id = unique("usr");
  HeldBatch batch(writes);
  batch.submit([&](soci::session& s) -> Result<Unit> {
    UsersRepository(s).insert(first, t0);
    return Unit{};
  });
  batch.submit([&](soci::session& s) -> Result<Unit> {  // writes, then fails by value
    UsersRepository(s).insert(second, t0);
    return Error::conflict("changed my mind");
  });
  batch.submit([&](soci::session& s) -> Result<Unit> {  // fails in the database
    UsersRepository(s).insert(duplicate, t0);
    return Unit{};
  });
  batch.submit([&](soci::session& s) -> Result<Unit> {
    UsersRepository(s).insert(third, t0);
    return Unit{};
  });
  EXPECT_EQ(batch.answers(), (std::vector<bool>{true, true, false, false, true}));
  UsersRepository users(db());
  EXPECT_TRUE(users.find_by_id(first.id));
  EXPECT_FALSE(users.find_by_id(second.id));
  EXPECT_FALSE(users.find_by_id(duplicate.id));
  EXPECT_TRUE(users.find_by_id(third.id));
  EXPECT_GE(writes.stats().jobs, 5u);
}

// A job that fails before writing (the common failure: validation, an unknown
// customer) costs its batch nothing: every job runs once. On SQLite a failed
// job that had written makes the batch run again under savepoints instead
// (AFailedJobRollsBackAloneInItsBatch above).
TEST_P(WritePaths, JobsRunOnceWhenNoFailedJobHadWritten) {
  WriteQueue writes(url());
  auto first = plain_user(), second = plain_user();
  std::atomic<int> first_runs = 0, second_runs = 0;
  HeldBatch batch(writes);
  batch.submit([&](soci::session& s) -> Result<Unit> {
    ++first_runs;
    UsersRepository(s).insert(first, t0);
    return Unit{};
  });
  batch.submit([&](soci::session& s) -> Result<Unit> {  // reads, then refuses: nothing to undo
    if (UsersRepository(s).find_by_id("usr_nobody")) return Unit{};
    return Error::not_found("no such user");
  });
  batch.submit([&](soci::session& s) -> Result<Unit> {
    ++second_runs;
    UsersRepository(s).insert(second, t0);
    return Unit{};
  });
  EXPECT_EQ(batch.answers(), (std::vector<bool>{true, true, false, true}));
  EXPECT_EQ(first_runs.load(), 1);
  EXPECT_EQ(second_runs.load(), 1);
  UsersRepository users(db());
  EXPECT_TRUE(users.find_by_id(first.id));
  EXPECT_TRUE(users.find_by_id(second.id));
}

TEST_P(WritePaths, ReadPoolNeverOpensMoreThanItsSize) {
  ReadPool pool(url(), 2, std::chrono::milliseconds(200));
  {
    auto a = pool.acquire();
    auto b = pool.acquire();
    EXPECT_EQ(pool.open_sessions(), 2u);
    EXPECT_THROW(pool.acquire(), soci::soci_error);
  }
  {
    auto again = pool.acquire();
    EXPECT_TRUE(again.reused());
    int one = 0;
    *again << "SELECT 1", soci::into(one);
    EXPECT_EQ(one, 1);
    again.mark_broken();
  }
  EXPECT_EQ(pool.open_sessions(), 0u) << "a broken session takes the idle ones with it";
  auto fresh = pool.acquire();
  EXPECT_FALSE(fresh.reused());
}

PATRON_ALL_BACKENDS(WritePaths);

}  // namespace
}  // namespace patron::sql::testing
