// The ledger under concurrent writers: on the servers, two write queues stand
// for two Patron processes sharing one database (each has its own connection,
// as a process would); every purchase, redemption and stock claim must land
// exactly once, and each balance must stay the sum of its entries.
#include <atomic>
#include <ctime>
#include <future>
#include <thread>

#include "backend.h"
#include "services/loyalty.h"
#include "storage/sql/catalog_repository.h"
#include "storage/sql/ledger_repository.h"
#include "storage/sql/users_repository.h"
#include "storage/sql/write_queue.h"

namespace patron::sql::testing {
namespace {

constexpr std::int64_t t0 = 1'700'000'000;

using Writers = std::vector<std::unique_ptr<WriteQueue>>;

class ConcurrentWriters : public BackendTest {
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

// A program and `count` registered customers, set up in one job on `writes`;
// `more` runs in the same job (stock, credits).
struct Stage {
  Program program;
  std::vector<std::string> customers;
};
Result<Stage> stage_customers(WriteQueue& writes, const services::ProgramSettings& settings, int count,
                              std::int64_t now,
                              const std::function<Status(soci::session&, const Stage&)>& more = nullptr) {
  Stage stage;
  auto done = writes.run<Unit>([&](soci::session& s) -> Status {
    stage.program = setup_program(s, 10);
    auto registered = register_customers(s, settings, count, now);
    if (!registered.ok()) return registered.error();
    stage.customers = std::move(*registered);
    return more ? more(s, stage) : Status(Unit{});
  });
  if (!done.ok()) return done.error();
  return stage;
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

// `count` redemptions at once, the i-th made by `redeem(session, i)` on the
// writers in turn: how many went through; every other one must be refused
// with `refused_with`.
template <class Redeem>
int redeem_concurrently(const Writers& writers, std::size_t count, ErrorCode refused_with, Redeem redeem) {
  std::vector<std::future<Result<services::RedemptionOutcome>>> redemptions;
  for (std::size_t i = 0; i < count; ++i) {
    redemptions.push_back(std::async(std::launch::async, [&, i] {
      return writers[i % writers.size()]->run<services::RedemptionOutcome>(
          [&, i](soci::session& s) { return redeem(s, i); });
    }));
  }
  int succeeded = 0;
  for (auto& f : redemptions) {
    auto r = f.get();
    if (r.ok()) {
      ++succeeded;
    } else {
      EXPECT_EQ(r.error().code, refused_with) << r.error().message;
    }
  }
  return succeeded;
}

TEST_P(ConcurrentWriters, ConcurrentRedemptionsAndPurchasesKeepTheLedgerExact) {
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
  const int redeemed = redeem_concurrently(writers, 32, ErrorCode::insufficient_points, [&](soci::session& s, auto) {
    return services::Loyalty(s, buyer.settings).redeem(buyer.customer_id, buyer.program.reward_id, buyer.now);
  });
  EXPECT_EQ(redeemed, 5);
  EXPECT_EQ(UsersRepository(db()).load_account(buyer.customer_id)->points_balance, 0);
  expect_ledger_invariant(db(), buyer.customer_id);
}

// Group commit holds each batch's row locks until its COMMIT, so two writers
// whose batches touch the same customers in different orders can deadlock;
// the database then aborts one of them. No request may fail for that.
TEST_P(ConcurrentWriters, InterleavedCustomersAcrossTwoWritersNeverFail) {
  const services::ProgramSettings settings{12};
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  const Writers writers = this->writers();
  auto staged = stage_customers(*writers[0], settings, 12, now);
  ASSERT_TRUE(staged.ok()) << staged.error().message;
  const Program& program = staged->program;
  const std::vector<std::string>& customers = staged->customers;
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

TEST_P(ConcurrentWriters, LastUnitOfStockGoesToOneWriter) {
  const services::ProgramSettings settings{12};
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  const Writers writers = this->writers();
  auto staged = stage_customers(*writers[0], settings, 8, now, [&](soci::session& s, const Stage& stage) -> Status {
    CatalogRepository(s).update(*find_catalog_resource("rewards"), stage.program.reward_id, {{"stock", 3LL}});
    services::Loyalty loyalty(s, settings);
    for (const auto& customer : stage.customers) {
      auto credit = loyalty.adjust(customer, 100, "stock test", "admin", now);
      if (!credit.ok()) return credit.error();
    }
    return Unit{};
  });
  ASSERT_TRUE(staged.ok()) << staged.error().message;
  const Program& program = staged->program;
  const std::vector<std::string>& customers = staged->customers;
  const int redeemed =
      redeem_concurrently(writers, customers.size(), ErrorCode::conflict, [&](soci::session& s, std::size_t i) {
        return services::Loyalty(s, settings).redeem(customers[i], program.reward_id, now);
      });
  EXPECT_EQ(redeemed, 3);
  EXPECT_EQ(CatalogRepository(db()).reward(program.reward_id)->stock, 0);
}

PATRON_ALL_BACKENDS(ConcurrentWriters);

}  // namespace
}  // namespace patron::sql::testing
