// Purchases and redemptions through the real write path (sql::WriteQueue and
// services::Loyalty, as the server runs them) while the power is cut at a
// random moment; after each cut the database is recovered through the same
// code (open_session, migrate), and every write that was answered must be
// there exactly once, with every ledger balanced. See power_cut_vfs.h for what
// a cut keeps, and tests/power_cut/CMakeLists.txt for the variant that must fail.
#include <atomic>
#include <map>
#include <semaphore>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "power_cut_vfs.h"
#include "seed.h"
#include "services/loyalty.h"
#include "storage/sql/catalog_repository.h"
#include "storage/sql/database.h"
#include "storage/sql/migrations.h"
#include "storage/sql/write_queue.h"

namespace patron::power_cut {
namespace {

constexpr int rounds = 4;
constexpr int customers = 12;
constexpr int producers = 2;
// In flight at once: enough to keep the writer busy, few enough that batches stay
// small and commits frequent, so that the power often goes between a commit
// and its sync.
constexpr std::ptrdiff_t writes_in_flight = 64;
const services::ProgramSettings settings{12};

struct Program {
  std::string store_id, sku, reward_id;
  std::vector<std::string> customer_ids;
};

// What was answered as done while the power was on. Recorded only inside
// SqlitePowerCut::while_powered, so under its lock.
struct Answered {
  std::vector<std::string> purchases;    // external ids
  std::vector<std::string> redemptions;  // redemption ids
  std::vector<std::string> unexpected_failures;
};

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

Result<Program> create_program(soci::session& s) {
  Program p{"sto_power", "SKU-POWER", "rwd_power", {}};
  sql::CatalogRepository catalog(s);
  const auto t = now();
  catalog.create(*find_catalog_resource("stores"), {{"id", p.store_id}, {"code", "POWER"}, {"name", "S"}}, t);
  catalog.create(*find_catalog_resource("products"), {{"id", std::string("prd_power")}, {"sku", p.sku}, {"name", "Mug"},
                                                   {"price_minor", 5000LL}, {"currency", "USD"}},
                 t);
  catalog.create(*find_catalog_resource("tiers"),
                 {{"id", std::string("tie_power")}, {"code", "bronze"}, {"name", "Bronze"}, {"threshold_minor", 0LL}}, t);
  catalog.create(*find_catalog_resource("earning-rules"),
                 {{"id", std::string("rul_power")}, {"name", "Base"}, {"kind", "base_rate"}, {"rate_milli", 1000LL}}, t);
  catalog.create(*find_catalog_resource("rewards"), {{"id", p.reward_id}, {"name", "R"}, {"points_cost", 120LL}}, t);
  services::Loyalty loyalty(s, settings);
  for (int i = 0; i < customers; ++i) {
    auto user = loyalty.register_user("c" + std::to_string(i) + "@power.test", "password-123", "C", "customer", t);
    if (!user.ok()) return user.error();
    p.customer_ids.push_back(user->id);
  }
  return p;
}

Program set_up(const sql::DatabaseUrl& url) {
  sql::migrate(*sql::open_session(url), sql::Dialect::sqlite);
  sql::WriteQueue writes(url);
  auto program = writes.run<Program>(create_program);
  if (!program.ok()) throw std::runtime_error("setting up the program failed: " + program.error().message);
  return *program;
}

class Load {
 public:
  Load(sql::WriteQueue& writes, const Program& program, Answered& answered, int round, std::uint64_t seed)
      : writes_(writes), program_(program), answered_(answered), round_(round) {
    for (int t = 0; t < producers; ++t) threads_.emplace_back([this, t, seed] { produce(t, seed + t); });
  }
  // Stops submitting; answers may still arrive until the write queue is gone.
  void stop() {
    stopping_ = true;
    for (auto& t : threads_) t.join();
  }
  int submitted() const { return submitted_; }

 private:
  void produce(int thread, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    for (int k = 0; !stopping_; ++k) {
      if (!window_.try_acquire_for(std::chrono::milliseconds(10))) continue;
      const auto& customer = program_.customer_ids[random() % program_.customer_ids.size()];
      if (random() % 8 == 0) {
        redeem(customer);
      } else {
        purchase(customer, "r" + std::to_string(round_) + "t" + std::to_string(thread) + "n" + std::to_string(k),
                 static_cast<std::int64_t>(1 + random() % 3));
      }
      ++submitted_;
    }
  }

  void purchase(const std::string& customer, const std::string& external_id, std::int64_t quantity) {
    services::PurchaseCommand command;
    command.customer.id = customer;
    command.store_id = program_.store_id;
    command.occurred_at = now();
    command.currency = "USD";
    command.external_id = external_id;
    command.lines = {{program_.sku, quantity, std::nullopt}};
    writes_.submit<services::PurchaseOutcome>(
        [command](soci::session& s) { return services::Loyalty(s, settings).record_purchase(command, now()); },
        [this, external_id](Result<services::PurchaseOutcome> r) {
          SqlitePowerCut::while_powered([&] {
            if (r.ok()) {
              answered_.purchases.push_back(external_id);
            } else {
              answered_.unexpected_failures.push_back("purchase " + external_id + ": " + r.error().message);
            }
          });
          window_.release();
        });
  }

  void redeem(const std::string& customer) {
    writes_.submit<services::RedemptionOutcome>(
        [this, customer](soci::session& s) {
          return services::Loyalty(s, settings).redeem(customer, program_.reward_id, now());
        },
        [this](Result<services::RedemptionOutcome> r) {
          SqlitePowerCut::while_powered([&] {
            if (r.ok()) {
              answered_.redemptions.push_back(r->redemption.id);
            } else if (r.error().code != ErrorCode::insufficient_points) {
              answered_.unexpected_failures.push_back("redemption: " + r.error().message);
            }
          });
          window_.release();
        });
  }

  sql::WriteQueue& writes_;
  const Program& program_;
  Answered& answered_;
  const int round_;
  std::counting_semaphore<writes_in_flight> window_{writes_in_flight};
  std::atomic<bool> stopping_ = false;
  std::atomic<int> submitted_ = 0;
  std::vector<std::thread> threads_;
};

// Half the cuts come at a random moment, half right after a write reaches a
// file (a batch's frames at COMMIT, a checkpoint's pages), before its sync.
std::string cut_power(std::mt19937_64& random) {
  // Long enough for many answered writes and several checkpoints (every 250 ms).
  std::this_thread::sleep_for(random_moment(random, 150, 700));
  if (random() % 2 == 0) {
    SqlitePowerCut::cut();
    return "at a random moment";
  }
  SqlitePowerCut::cut_after_writes(1 + static_cast<int>(random() % 4));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (SqlitePowerCut::power_is_on() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  SqlitePowerCut::cut();  // at once if no write came in time
  return "right after a write";
}

// Writes under load until the power goes at a random moment; then the
// process's connections close as a dying process's would (their writes fail).
void run_until_power_cut(const sql::DatabaseUrl& url, const Program& program, Answered& answered, int round,
                         std::mt19937_64& random) {
  auto writes = std::make_unique<sql::WriteQueue>(url);
  const auto answered_before = answered.purchases.size() + answered.redemptions.size();
  Load load(*writes, program, answered, round, random());
  const auto when = cut_power(random);
  load.stop();
  writes.reset();  // answers what is left (failures now) and closes every connection
  const auto answered_now = answered.purchases.size() + answered.redemptions.size() - answered_before;
  std::printf("round %d: %d writes submitted, %zu answered before the cut, %s\n", round, load.submitted(),
              answered_now, when.c_str());
  EXPECT_GT(answered_now, 0u) << "the power went before any write was answered: the round proves nothing";
}

std::vector<std::string> strings(soci::session& s, const std::string& query) {
  std::vector<std::string> all, chunk(1000);
  soci::statement st = (s.prepare << query, soci::into(chunk));
  st.execute();
  while (st.fetch()) {
    all.insert(all.end(), chunk.begin(), chunk.end());
    chunk.resize(1000);
  }
  return all;
}

long long number(soci::session& s, const std::string& query, const std::string& customer_id) {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  s << query, soci::use(customer_id), soci::into(value, ind);
  return ind == soci::i_ok ? value : 0;
}

long long number(soci::session& s, const std::string& query) {
  long long value = 0;
  s << query, soci::into(value);
  return value;
}

std::string describe_missing(const std::vector<std::string>& answered, const std::map<std::string, int>& stored,
                             int& missing, int& duplicated) {
  std::string examples;
  for (const auto& id : answered) {
    const auto it = stored.find(id);
    const int copies = it == stored.end() ? 0 : it->second;
    if (copies == 1) continue;
    (copies == 0 ? missing : duplicated) += 1;
    if (missing + duplicated <= 5) examples += " " + id + "×" + std::to_string(copies);
  }
  return examples;
}

std::map<std::string, int> counted(const std::vector<std::string>& ids) {
  std::map<std::string, int> count;
  for (const auto& id : ids) ++count[id];
  return count;
}

// balance = sum of the entries, seq 1..n, each balance_after the running sum,
// and the lots' remaining points sum to max(balance, 0).
void expect_balanced_ledger(soci::session& s, const std::string& customer) {
  const auto balance = number(s, "SELECT points_balance FROM accounts WHERE customer_id = :c", customer);
  EXPECT_EQ(balance, number(s, "SELECT SUM(points) FROM ledger_entries WHERE customer_id = :c", customer))
      << customer << ": balance = sum of the ledger";
  EXPECT_EQ(number(s, "SELECT entry_count FROM accounts WHERE customer_id = :c", customer),
            number(s, "SELECT COUNT(*) FROM ledger_entries WHERE customer_id = :c", customer));
  EXPECT_EQ(number(s, "SELECT COUNT(*) FROM ledger_entries WHERE customer_id = :c", customer),
            number(s, "SELECT MAX(seq) FROM ledger_entries WHERE customer_id = :c", customer))
      << customer << ": seq has no gap";
  EXPECT_EQ(0, number(s,
                      "SELECT COUNT(*) FROM ledger_entries e WHERE e.customer_id = :c AND e.balance_after != "
                      "(SELECT SUM(p.points) FROM ledger_entries p WHERE p.customer_id = e.customer_id AND p.seq <= e.seq)",
                      customer))
      << customer << ": every balance_after is the running sum";
  EXPECT_EQ(std::max(balance, 0LL),
            number(s, "SELECT SUM(remaining) FROM point_lots WHERE customer_id = :c", customer))
      << customer << ": lots sum to max(balance, 0)";
}

// Recovery as the server does it at start, then every answered write present
// exactly once and every ledger balanced.
void recover_and_check(const sql::DatabaseUrl& url, const Program& program, const Answered& answered) {
  auto s = sql::open_session(url);
  sql::migrate(*s, sql::Dialect::sqlite);
  std::string integrity;
  *s << "PRAGMA integrity_check", soci::into(integrity);
  ASSERT_EQ(integrity, "ok");
  EXPECT_TRUE(answered.unexpected_failures.empty())
      << "a write failed while the power was on: " << answered.unexpected_failures.front();

  const auto purchases = counted(strings(*s, "SELECT external_id FROM transactions WHERE external_id IS NOT NULL"));
  int missing = 0, duplicated = 0;
  auto examples = describe_missing(answered.purchases, purchases, missing, duplicated);
  EXPECT_EQ(missing, 0) << missing << " of " << answered.purchases.size()
                        << " answered purchases are missing after the power cut (e.g." << examples << ")";
  EXPECT_EQ(duplicated, 0) << duplicated << " answered purchases are stored more than once";
  for (const auto& [id, copies] : purchases) EXPECT_EQ(copies, 1) << "purchase " << id << " stored " << copies << " times";
  EXPECT_EQ(0, number(*s,
                      "SELECT COUNT(*) FROM transactions t WHERE (SELECT COUNT(*) FROM ledger_entries l "
                      "WHERE l.reference = t.id AND l.kind = 'earn') != 1"))
      << "every stored purchase has exactly one earn entry";

  const auto redemptions = counted(strings(*s, "SELECT id FROM redemptions"));
  missing = duplicated = 0;
  examples = describe_missing(answered.redemptions, redemptions, missing, duplicated);
  EXPECT_EQ(missing, 0) << missing << " of " << answered.redemptions.size()
                        << " answered redemptions are missing after the power cut (e.g." << examples << ")";

  for (const auto& customer : program.customer_ids) expect_balanced_ledger(*s, customer);
}

Survivors survivors_of(int round, std::mt19937_64& random) {
  // The first cut loses every unsynced write, which any missing sync shows;
  // later ones also let a random prefix of them reach the disk.
  if (round == 0) return Survivors::none;
  return random() % 2 == 0 ? Survivors::none : Survivors::random_prefix;
}

TEST(PowerCut, SqliteKeepsEveryAnsweredWrite) {
  std::mt19937_64 random(seed_for_this_run());
  SqlitePowerCut::install();
  sql::DatabaseUrl url;
  url.dialect = sql::Dialect::sqlite;
  const auto dir = fresh_directory("power-cut-sqlite");
  url.path = (dir / "patron.db").string();
  const auto program = set_up(url);
  Answered answered;
  for (int round = 0; round < rounds && !::testing::Test::HasFailure(); ++round) {
    run_until_power_cut(url, program, answered, round, random);
    const auto survivors = survivors_of(round, random);
    SqlitePowerCut::restore_synced_state(survivors, random);
    const auto stats = SqlitePowerCut::stats();
    std::printf("round %d: power cut (%s survive), %llu unsynced writes undone; syncs so far: %llu by SQLite, %llu by "
                "the finisher\n",
                round, survivors == Survivors::none ? "no unsynced writes" : "a random prefix of the unsynced writes",
                static_cast<unsigned long long>(stats.undone_writes),
                static_cast<unsigned long long>(stats.syncs_through_sqlite),
                static_cast<unsigned long long>(stats.syncs_outside_sqlite));
    recover_and_check(url, program, answered);
  }
  std::printf("%zu purchases and %zu redemptions answered before the cuts in all\n",
              answered.purchases.size(), answered.redemptions.size());
  if (!::testing::Test::HasFailure()) std::filesystem::remove_all(dir);  // a failed run's files stay, to look at
}

}  // namespace
}  // namespace patron::power_cut
