// The write queue's savepoints, the read pool's bound, and the ledger under
// concurrency: on the servers, two write queues stand for two Patron processes
// sharing one database (each has its own connection, as a process would).
#include <atomic>
#include <future>
#include <thread>

#include "backend.h"
#include "services/loyalty.h"
#include "storage/sql/catalog_repository.h"
#include "storage/sql/ledger_repository.h"
#include "storage/sql/read_pool.h"
#include "storage/sql/users_repository.h"
#include "storage/sql/write_queue.h"

namespace patron::sql::testing {
namespace {

constexpr std::int64_t t0 = 1'700'000'000;

using Writers = std::vector<std::unique_ptr<WriteQueue>>;

class WritePaths : public BackendTest {
 protected:
  // Two writers (two connections) on the servers; SQLite is one process, one writer.
  Writers writers() {
    Writers out;
    out.push_back(std::make_unique<WriteQueue>(url()));
    if (dialect() != Dialect::sqlite) out.push_back(std::make_unique<WriteQueue>(url()));
    return out;
  }
};

// `count` customers, registered in the caller's job.
Result<std::vector<std::string>> register_customers(soci::session& s, const services::ProgramSettings& settings,
                                                    int count, std::int64_t now) {
  services::Loyalty loyalty(s, settings);
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) {
    auto user = loyalty.register_user(unique("c") + "@example.test", "password-123", "C", "customer", now);
    if (!user.ok()) return user.error();
    ids.push_back(user->id);
  }
  return ids;
}

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

// A customer with `points` points and a reward costing `cost`, set up through the services.
struct Program {
  std::string store_id, customer_id, reward_id, sku;
};

Program setup_program(soci::session& s, long long cost) {
  Program p;
  CatalogRepository catalog(s);
  p.store_id = unique("sto");
  catalog.create(*find_catalog_resource("stores"), {{"id", p.store_id}, {"code", p.store_id}, {"name", "S"}}, t0);
  p.sku = unique("SKU");
  catalog.create(*find_catalog_resource("products"),
                 {{"id", unique("prd")}, {"sku", p.sku}, {"name", "Mug"}, {"price_minor", 5000LL}, {"currency", "USD"}},
                 t0);
  if (catalog.active_tiers().empty()) {
    catalog.create(*find_catalog_resource("tiers"),
                   {{"id", unique("tie")}, {"code", "bronze"}, {"name", "Bronze"}, {"threshold_minor", 0LL}}, t0);
  }
  if (catalog.active_earning_rules().empty()) {
    catalog.create(*find_catalog_resource("earning-rules"),
                   {{"id", unique("rul")}, {"name", "Base"}, {"kind", "base_rate"}, {"rate_milli", 1000LL}}, t0);
  }
  p.reward_id = unique("rwd");
  catalog.create(*find_catalog_resource("rewards"), {{"id", p.reward_id}, {"name", "R"}, {"points_cost", cost}}, t0);
  return p;
}

void expect_ledger_invariant(soci::session& s, const std::string& customer_id) {
  auto account = UsersRepository(s).load_account(customer_id);
  ASSERT_TRUE(account);
  LedgerRepository ledger(s);
  EXPECT_EQ(account->points_balance, ledger.sum_of_entries(customer_id)) << "balance = sum of the ledger";
  auto entries = ledger.list(customer_id, 1000, std::nullopt).items;
  EXPECT_EQ(static_cast<std::int64_t>(entries.size()), account->entry_count);
  Points running = 0;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    running += it->points;
    EXPECT_EQ(it->balance_after, running) << "entry " << it->seq;
    EXPECT_GE(it->balance_after, 0);
    EXPECT_EQ(it->seq, (it - entries.rbegin()) + 1) << "seq has no gap";
  }
}

struct Buyer {
  Program program;
  std::string customer_id;
  std::int64_t now = 0;
  services::ProgramSettings settings{12};
};

// `count` purchases at once, spread over the writers: the points they earned.
Points buy_concurrently(const Writers& writers, const Buyer& buyer, int count) {
  auto purchase = [&](WriteQueue& w) {
    return w.run<services::PurchaseOutcome>([&](soci::session& s) {
      services::PurchaseCommand command;
      command.customer.id = buyer.customer_id;
      command.store_id = buyer.program.store_id;
      command.occurred_at = buyer.now;
      command.currency = "USD";
      command.lines = {{buyer.program.sku, 1, std::nullopt}};
      return services::Loyalty(s, buyer.settings).record_purchase(command, buyer.now);
    });
  };
  std::vector<std::future<Result<services::PurchaseOutcome>>> buys;
  for (int i = 0; i < count; ++i) {
    buys.push_back(std::async(std::launch::async, [&, i] { return purchase(*writers[i % writers.size()]); }));
  }
  Points earned = 0;
  for (auto& f : buys) {
    auto r = f.get();
    EXPECT_TRUE(r.ok()) << r.error().message;
    if (r.ok()) earned += r->points_earned;
  }
  return earned;
}

// `count` redemptions at once: how many went through; every other one must be
// refused for want of points.
int redeem_concurrently(const Writers& writers, const Buyer& buyer, int count) {
  std::vector<std::future<Result<services::RedemptionOutcome>>> redemptions;
  for (int i = 0; i < count; ++i) {
    redemptions.push_back(std::async(std::launch::async, [&, i] {
      return writers[i % writers.size()]->run<services::RedemptionOutcome>([&](soci::session& s) {
        return services::Loyalty(s, buyer.settings).redeem(buyer.customer_id, buyer.program.reward_id, buyer.now);
      });
    }));
  }
  int succeeded = 0;
  for (auto& f : redemptions) {
    auto r = f.get();
    if (r.ok()) {
      ++succeeded;
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::insufficient_points) << r.error().message;
    }
  }
  return succeeded;
}

TEST_P(WritePaths, ConcurrentRedemptionsAndPurchasesKeepTheLedgerExact) {
  Buyer buyer;
  buyer.now = static_cast<std::int64_t>(std::time(nullptr));
  const Writers writers = this->writers();
  auto set_up = writers[0]->run<std::string>([&](soci::session& s) -> Result<std::string> {
    buyer.program = setup_program(s, 100);
    auto user = services::Loyalty(s, buyer.settings)
                    .register_user(unique("c") + "@example.test", "password-123", "C", "customer", buyer.now);
    if (!user.ok()) return user.error();
    return user->id;
  });
  ASSERT_TRUE(set_up.ok()) << set_up.error().message;
  buyer.customer_id = *set_up;

  const Points earned = buy_concurrently(writers, buyer, 32);
  ASSERT_GT(earned, 0);
  expect_ledger_invariant(db(), buyer.customer_id);
  EXPECT_EQ(UsersRepository(db()).load_account(buyer.customer_id)->points_balance, earned);

  // 32 redemptions at once against a balance covering exactly 5 of them.
  auto adjust = writers[0]->run<LedgerEntryRecord>([&](soci::session& s) {
    return services::Loyalty(s, buyer.settings)
        .adjust(buyer.customer_id, 500 - earned, "reset for the test", "admin", buyer.now);
  });
  ASSERT_TRUE(adjust.ok()) << adjust.error().message;
  EXPECT_EQ(redeem_concurrently(writers, buyer, 32), 5);
  EXPECT_EQ(UsersRepository(db()).load_account(buyer.customer_id)->points_balance, 0);
  expect_ledger_invariant(db(), buyer.customer_id);
}

// Group commit holds each batch's row locks until its COMMIT, so two writers
// whose batches touch the same customers in different orders can deadlock;
// the database then aborts one of them. No request may fail for that.
TEST_P(WritePaths, InterleavedCustomersAcrossTwoWritersNeverFail) {
  const services::ProgramSettings settings{12};
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  const Writers writers = this->writers();
  Program program;
  std::vector<std::string> customers;
  auto set_up = writers[0]->run<Unit>([&](soci::session& s) -> Result<Unit> {
    program = setup_program(s, 10);
    auto registered = register_customers(s, settings, 12, now);
    if (!registered.ok()) return registered.error();
    customers = std::move(*registered);
    return Unit{};
  });
  ASSERT_TRUE(set_up.ok()) << set_up.error().message;
  constexpr int rounds = 16;
  std::vector<std::future<bool>> done;
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t w = 0; w < writers.size(); ++w) {
      for (std::size_t k = 0; k < customers.size(); ++k) {
        // Writer 0 walks the customers forwards, writer 1 backwards.
        const auto& customer = customers[w == 0 ? k : customers.size() - 1 - k];
        auto p = std::make_shared<std::promise<bool>>();
        done.push_back(p->get_future());
        writers[w]->submit<services::PurchaseOutcome>(
            [&, customer](soci::session& s) {
              services::PurchaseCommand command;
              command.customer.id = customer;
              command.store_id = program.store_id;
              command.occurred_at = now;
              command.currency = "USD";
              command.lines = {{program.sku, 1, std::nullopt}};
              return services::Loyalty(s, settings).record_purchase(command, now);
            },
            [p](Result<services::PurchaseOutcome> r) {
              if (!r.ok()) ADD_FAILURE() << r.error().message;
              p->set_value(r.ok());
            });
      }
    }
  }
  int ok = 0;
  for (auto& f : done) ok += f.get() ? 1 : 0;
  EXPECT_EQ(ok, static_cast<int>(done.size()));
  for (const auto& customer : customers) {
    expect_ledger_invariant(db(), customer);
    EXPECT_EQ(UsersRepository(db()).load_account(customer)->entry_count,
              static_cast<std::int64_t>(rounds * writers.size()));
  }
}

TEST_P(WritePaths, LastUnitOfStockGoesToOneWriter) {
  const services::ProgramSettings settings{12};
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  const Writers writers = this->writers();
  Program program;
  std::vector<std::string> customers;
  auto set_up = writers[0]->run<Unit>([&](soci::session& s) -> Result<Unit> {
    program = setup_program(s, 10);
    CatalogRepository(s).update(*find_catalog_resource("rewards"), program.reward_id, {{"stock", 3LL}});
    auto registered = register_customers(s, settings, 8, now);
    if (!registered.ok()) return registered.error();
    customers = std::move(*registered);
    services::Loyalty loyalty(s, settings);
    for (const auto& customer : customers) {
      auto credit = loyalty.adjust(customer, 100, "stock test", "admin", now);
      if (!credit.ok()) return credit.error();
    }
    return Unit{};
  });
  ASSERT_TRUE(set_up.ok()) << set_up.error().message;
  std::vector<std::future<Result<services::RedemptionOutcome>>> attempts;
  for (std::size_t i = 0; i < customers.size(); ++i) {
    attempts.push_back(std::async(std::launch::async, [&, i] {
      return writers[i % writers.size()]->run<services::RedemptionOutcome>([&, i](soci::session& s) {
        return services::Loyalty(s, settings).redeem(customers[i], program.reward_id, now);
      });
    }));
  }
  int succeeded = 0;
  for (auto& f : attempts) {
    auto r = f.get();
    if (r.ok()) {
      ++succeeded;
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::conflict) << r.error().message;
    }
  }
  EXPECT_EQ(succeeded, 3);
  EXPECT_EQ(CatalogRepository(db()).reward(program.reward_id)->stock, 0);
}

PATRON_ALL_BACKENDS(WritePaths);

}  // namespace
}  // namespace patron::sql::testing
