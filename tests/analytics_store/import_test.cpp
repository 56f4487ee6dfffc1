// `patron import`: each format, the rejection report, idempotent re-import,
// and that history never awards points.
#include <gtest/gtest.h>

#include <sstream>

#include "app/import_history.h"
#include "store_fixture.h"

namespace patron::app {
namespace {

using analytics::TransactionFormat;
using namespace analytics_store::testing;

ImportSummary import_file(Store& store, const std::string& path, TransactionFormat format) {
  auto input = open_or_fail(path);
  return import_history(store.session(), input, {format, "", "", ""}, kNow);
}

TEST(Import, GenericGroupsLinesAndReportsEachRejectionReason) {
  Store store;
  const auto summary = import_file(store, test_data("generic.csv"), TransactionFormat::generic);
  EXPECT_EQ(summary.read.lines, 11u);
  EXPECT_EQ(summary.read.accepted, 6u);
  const std::map<std::string, std::size_t> expected_rejections{{"no customer id", 1},
                                                               {"bad occurred_at", 2},
                                                               {"bad quantity or unit_price_minor", 1},
                                                               {"non-positive quantity or negative price", 1}};
  EXPECT_EQ(summary.read.rejected, expected_rejections);
  EXPECT_EQ(summary.read.examples.size(), 5u);
  EXPECT_EQ(summary.purchases_in_file, 5u);
  EXPECT_EQ(summary.written.purchases_written, 5u);
  EXPECT_EQ(summary.written.lines_written, 6u);
  EXPECT_EQ(summary.written.customers_created, 2u);
  EXPECT_EQ(summary.written.products_created, 2u);
  EXPECT_EQ(summary.written.stores_created, 2u);  // PARIS from the file, "import" by default

  // alice's first purchase: two lines, 2 x 350 + 1200, at 09:30 in store PARIS, in EUR.
  long long total = 0, at = 0, lines = 0;
  std::string currency, store_code;
  const std::string external_id = "alice@2024-01-05 09:30";
  store.session() << "SELECT t.total_minor, t.occurred_at, t.currency, s.code, "
                     "(SELECT COUNT(*) FROM transaction_lines l WHERE l.transaction_id = t.id) "
                     "FROM transactions t JOIN stores s ON s.id = t.store_id WHERE t.external_id = :x",
      soci::use(external_id), soci::into(total), soci::into(at), soci::into(currency), soci::into(store_code),
      soci::into(lines);
  EXPECT_EQ(total, 1900);
  EXPECT_EQ(at, 1'704'447'000);  // 2024-01-05T09:30:00Z
  EXPECT_EQ(currency, "EUR");
  EXPECT_EQ(store_code, "PARIS");
  EXPECT_EQ(lines, 2);
  // bob's 2024-01-06 key comes back later in the file: a second purchase, "#2".
  long long repeated = 0;
  store.session() << "SELECT total_minor FROM transactions WHERE external_id = 'bob@2024-01-06#2'",
      soci::into(repeated);
  EXPECT_EQ(repeated, 3600);
}

TEST(Import, ReimportChangesNothing) {
  Store store;
  const auto first = import_file(store, shared_data("online-retail/online-retail-2010-12-sample.csv"),
                                 TransactionFormat::online_retail);
  ASSERT_GT(first.written.purchases_written, 0u);
  const auto rows = std::vector<long long>{store.count("users"), store.count("transactions"),
                                           store.count("transaction_lines"), store.count("products")};
  const auto second = import_file(store, shared_data("online-retail/online-retail-2010-12-sample.csv"),
                                  TransactionFormat::online_retail);
  EXPECT_EQ(second.written.purchases_written, 0u);
  EXPECT_EQ(second.written.purchases_already_stored, first.written.purchases_written);
  EXPECT_EQ(second.written.customers_created + second.written.products_created + second.written.stores_created, 0u);
  EXPECT_EQ(rows, (std::vector<long long>{store.count("users"), store.count("transactions"),
                                          store.count("transaction_lines"), store.count("products")}));
}

TEST(Import, OnlineRetailRejectsCancellationsAndGuests) {
  Store store;
  const auto summary = import_file(store, shared_data("online-retail/online-retail-2010-12-sample.csv"),
                                   TransactionFormat::online_retail);
  EXPECT_EQ(summary.read.lines, 28'492u);
  EXPECT_EQ(summary.read.rejected.at("cancellation"), 418u);
  EXPECT_EQ(summary.read.rejected.at("no customer id (guest)"), 9971u);
  EXPECT_EQ(summary.read.accepted, 18'103u);
  EXPECT_EQ(static_cast<std::size_t>(store.count("transactions")), summary.written.purchases_written);
  EXPECT_EQ(static_cast<std::size_t>(store.count("transaction_lines")), summary.read.accepted);
  std::string currency;
  store.session() << "SELECT DISTINCT currency FROM transactions", soci::into(currency);
  EXPECT_EQ(currency, "GBP");
}

TEST(Import, CdnowMasterSkipsItsHeaderAndStoresNoLines) {
  Store store;
  const auto summary = import_file(store, shared_data("cdnow/CDNOW_master.txt"), TransactionFormat::cdnow);
  EXPECT_EQ(summary.read.lines, 69'659u);
  EXPECT_EQ(summary.read.rejected_total(), 0u);
  EXPECT_EQ(summary.written.customers_created, 23'570u);
  EXPECT_EQ(summary.written.purchases_written, 69'659u);
  EXPECT_EQ(store.count("transaction_lines"), 0);
  long long cents = 0;
  store.session() << "SELECT SUM(total_minor) FROM transactions", soci::into(cents);
  EXPECT_GT(cents, 0);
}

TEST(Import, AwardsNoPointsAndCreatesPasswordlessCustomers) {
  Store store;
  import_file(store, test_data("generic.csv"), TransactionFormat::generic);
  EXPECT_EQ(store.count("ledger_entries"), 0);
  long long points = -1, balance = -1, with_password = -1, mapped = -1;
  store.session() << "SELECT SUM(points_earned) FROM transactions", soci::into(points);
  store.session() << "SELECT SUM(points_balance) FROM accounts", soci::into(balance);
  store.session() << "SELECT COUNT(*) FROM users WHERE password_hash <> ''", soci::into(with_password);
  store.session() << "SELECT COUNT(*) FROM customer_external_ids WHERE source = 'generic'", soci::into(mapped);
  EXPECT_EQ(points, 0);
  EXPECT_EQ(balance, 0);
  EXPECT_EQ(with_password, 0);
  EXPECT_EQ(mapped, 2);
}

TEST(Import, SourcesKeepCustomerIdsApart) {
  Store store;
  std::istringstream first("customer_id,occurred_at,sku,quantity,unit_price_minor\n42,2024-01-01,A,1,100\n");
  std::istringstream second("customer_id,occurred_at,sku,quantity,unit_price_minor\n42,2024-01-02,A,1,100\n");
  import_history(store.session(), first, {TransactionFormat::generic, "shop-a", "", ""}, kNow);
  const auto other = import_history(store.session(), second, {TransactionFormat::generic, "shop-b", "", ""}, kNow);
  EXPECT_EQ(other.written.customers_created, 1u);
  EXPECT_EQ(store.count("users"), 2);
}

}  // namespace
}  // namespace patron::app
