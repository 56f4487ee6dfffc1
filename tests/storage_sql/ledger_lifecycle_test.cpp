// The ledger through the service on every backend: after each mutation the
// lots' remaining points sum to max(balance, 0) and the balance equals its
// entries; the anniversary tier review of `patron expire`, through the service
// and through the command line.
#include <unistd.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

#include "backend.h"
#include "domain/ledger.h"
#include "services/loyalty.h"
#include "storage/sql/catalog_repository.h"
#include "storage/sql/ledger_repository.h"
#include "storage/sql/users_repository.h"

namespace patron::sql::testing {
namespace {

constexpr std::int64_t t0 = 1'735'689'600;  // 2025-01-01T00:00:00Z
constexpr std::int64_t day = 86'400;
const services::ProgramSettings settings{12};

class LedgerLifecycle : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    CatalogRepository catalog(db());
    store_id_ = unique("sto");
    catalog.create(*find_catalog_resource("stores"), {{"id", store_id_}, {"code", store_id_}, {"name", "S"}}, t0);
    sku_ = unique("SKU");
    catalog.create(*find_catalog_resource("products"), {{"id", unique("prd")}, {"sku", sku_}, {"name", "Kettle"},
                                                {"price_minor", 10'000LL}, {"currency", "USD"}},
                   t0);
    ensure_tier("bronze", 0);
    ensure_tier("gold", 150'000);
    if (catalog.active_earning_rules().empty()) {
      catalog.create(*find_catalog_resource("earning-rules"),
                     {{"id", unique("rul")}, {"name", "Base"}, {"kind", "base_rate"}, {"rate_milli", 1000LL}}, t0);
    }
    reward_id_ = unique("rwd");
    catalog.create(*find_catalog_resource("rewards"), {{"id", reward_id_}, {"name", "R"}, {"points_cost", 150LL}}, t0);
  }

  void ensure_tier(const std::string& code, long long threshold) {
    CatalogRepository catalog(db());
    for (const auto& tier : catalog.active_tiers()) {
      if (tier.code == code) return;
    }
    catalog.create(*find_catalog_resource("tiers"),
                   {{"id", unique("tie")}, {"code", code}, {"name", code}, {"threshold_minor", threshold}}, t0);
  }

  services::Loyalty loyalty() { return services::Loyalty(db(), settings); }

  std::string customer(std::int64_t at) {
    auto user = loyalty().register_user(unique("c") + "@example.test", "password-123", "C", "customer", at);
    EXPECT_TRUE(user.ok());
    return user.ok() ? user->id : "";
  }

  Result<services::PurchaseOutcome> buy(const std::string& id, std::int64_t quantity, std::int64_t at) {
    services::PurchaseCommand command;
    command.customer.id = id;
    command.store_id = store_id_;
    command.occurred_at = at;
    command.lines = {{sku_, quantity, std::nullopt}};
    return loyalty().record_purchase(command, at);
  }

  AccountRecord account(const std::string& id) { return *UsersRepository(db()).load_account(id); }

  // The invariants every mutation keeps (domain/ledger.h).
  void expect_ledger_holds(const std::string& id, const char* after) {
    const auto balance = account(id).points_balance;
    LedgerRepository ledger(db());
    EXPECT_EQ(balance, ledger.sum_of_entries(id)) << "balance = sum of entries, after " << after;
    Points lots = 0;
    for (const auto& lot : ledger.open_lots(id)) lots += lot.remaining;
    EXPECT_EQ(lots, std::max<Points>(balance, 0)) << "lots sum to max(balance, 0), after " << after;
  }

  std::string store_id_, sku_, reward_id_;
};

TEST_P(LedgerLifecycle, LotsSumToTheBalanceAfterEveryMutation) {
  const auto id = customer(t0);
  ASSERT_TRUE(buy(id, 2, t0).ok());  // 200 points, one lot expiring t0 + 12 months
  expect_ledger_holds(id, "earn");
  ASSERT_TRUE(loyalty().redeem(id, reward_id_, t0 + day).ok());  // 150 from the lot
  expect_ledger_holds(id, "redeem");
  EXPECT_EQ(account(id).points_balance, 50);

  const auto report = loyalty().run_maintenance(add_months(t0, 12) + day);
  EXPECT_GE(report.points_expired, 50);
  expect_ledger_holds(id, "expire");
  EXPECT_EQ(account(id).points_balance, 0);
  EXPECT_TRUE(LedgerRepository(db()).open_lots(id).empty());
}

TEST_P(LedgerLifecycle, AReturnIntoDebtIsRepaidBeforeNewLotsOpen) {
  const auto id = customer(t0);
  auto first = buy(id, 2, t0);  // 200 points
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(loyalty().redeem(id, reward_id_, t0).ok());  // 50 left
  expect_ledger_holds(id, "redeem");
  auto returned = loyalty().record_return(first->transaction_id, {{sku_, 2}}, std::nullopt, t0 + day);
  ASSERT_TRUE(returned.ok()) << returned.error().message;
  EXPECT_EQ(returned->points_reversed, 200);
  EXPECT_EQ(account(id).points_balance, -150);
  expect_ledger_holds(id, "a return into a negative balance");
  EXPECT_TRUE(LedgerRepository(db()).open_lots(id).empty());

  ASSERT_TRUE(buy(id, 1, t0 + 2 * day).ok());  // 100 points repay debt; no lot opens
  EXPECT_EQ(account(id).points_balance, -50);
  expect_ledger_holds(id, "earning into debt");
  EXPECT_TRUE(LedgerRepository(db()).open_lots(id).empty());
  ASSERT_TRUE(buy(id, 2, t0 + 3 * day).ok());  // 200 more: 50 repay the rest, 150 open a lot
  EXPECT_EQ(account(id).points_balance, 150);
  expect_ledger_holds(id, "earning out of debt");
  const auto lots = LedgerRepository(db()).open_lots(id);
  ASSERT_EQ(lots.size(), 1U);
  EXPECT_EQ(lots.front().remaining, 150);
}

// Registered at t0 (anniversary t0 + 12 months); both reach gold at t0.
struct ReviewCase {
  std::string lapsed, loyal;
};

class TierReview : public LedgerLifecycle {
 protected:
  ReviewCase two_gold_customers() {
    ReviewCase c{customer(t0), customer(t0)};
    EXPECT_EQ(buy(c.lapsed, 20, t0)->tier.code, "gold");
    EXPECT_EQ(buy(c.loyal, 20, t0)->tier.code, "gold");
    EXPECT_TRUE(buy(c.loyal, 20, add_months(t0, 11)).ok());  // still 2,000.00 in the year before the review
    return c;
  }

  void expect_reviewed(const ReviewCase& c) {
    EXPECT_EQ(account(c.lapsed).tier_code, "bronze") << "no spend in the year: the lower tier applies";
    EXPECT_EQ(account(c.loyal).tier_code, "gold");
    EXPECT_EQ(account(c.lapsed).tier_anniversary_at, add_months(t0, 24)) << "the anniversary moves on a year";
    EXPECT_EQ(account(c.loyal).tier_anniversary_at, add_months(t0, 24));
    expect_ledger_holds(c.lapsed, "the review");
    expect_ledger_holds(c.loyal, "the review");
  }
};

TEST_P(TierReview, TheServiceAppliesTheLowerTierAtTheAnniversaryOnly) {
  const auto c = two_gold_customers();
  loyalty().run_maintenance(add_months(t0, 6));  // not due: nothing changes
  EXPECT_EQ(account(c.lapsed).tier_code, "gold");
  EXPECT_EQ(account(c.lapsed).tier_anniversary_at, add_months(t0, 12));
  loyalty().run_maintenance(add_months(t0, 12) + day);
  expect_reviewed(c);
}

std::string url_text(const DatabaseUrl& url) {
  if (url.dialect == Dialect::sqlite) return "sqlite://" + url.path;
  const std::string scheme = url.dialect == Dialect::mysql ? "mysql://" : "postgresql://";
  return scheme + percent_encode(url.user) + ":" + percent_encode(url.password) + "@" + url.host + ":" +
         std::to_string(url.port) + "/" + percent_encode(url.database);
}

// The patron binary of this build tree (tests/storage_sql/ → src/app/), or $PATRON_BIN.
std::string patron_binary() {
  if (const char* given = std::getenv("PATRON_BIN")) return given;
  const auto self = std::filesystem::read_symlink("/proc/self/exe");
  return (self.parent_path() / "../../src/app/patron").lexically_normal().string();
}

std::string http_time(std::int64_t epoch_seconds) {
  const std::time_t t = epoch_seconds;
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::array<char, 32> text{};
  std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text.data();
}

// Runs `patron expire --at` on the backend's database; its exit status and output.
std::pair<int, std::string> run_expire(const DatabaseUrl& url, std::int64_t at) {
  const std::string command = "DATABASE_URL='" + url_text(url) + "' '" + patron_binary() + "' expire --at " +
                              http_time(at) + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string output;
  std::array<char, 512> buffer{};
  while (pipe && fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get())) output += buffer.data();
  const int status = pipe ? pclose(pipe.release()) : -1;
  return {status, output};
}

TEST_P(TierReview, PatronExpireRunsTheReviewFromTheCommandLine) {
  const auto binary = patron_binary();
  ASSERT_TRUE(std::filesystem::exists(binary)) << binary << " (build the patron target)";
  const auto c = two_gold_customers();
  const auto [status, output] = run_expire(url(), add_months(t0, 12) + day);
  ASSERT_EQ(status, 0) << output;
  EXPECT_NE(output.find("reviewed"), std::string::npos) << output;
  expect_reviewed(c);
}

PATRON_ALL_BACKENDS(LedgerLifecycle);
PATRON_ALL_BACKENDS(TierReview);

}  // namespace
}  // namespace patron::sql::testing
