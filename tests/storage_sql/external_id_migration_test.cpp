// Migration 004 rebuilds SQLite's transactions table so that only purchases
// with an external id get an entry in its unique index. A database made by
// migrations 001-003 keeps every row and key through it; the uniqueness rule
// still holds where an id is given, and foreign keys are enforced afterwards.
#include <filesystem>

#include <gtest/gtest.h>

#include "backend.h"
#include "storage/sql/migrations.h"
#include "storage/sql/transactions_repository.h"

namespace patron::sql::testing {
namespace {

constexpr int kBeforeRebuild = 3;

long long count(soci::session& s, const std::string& sql) {
  long long n = 0;
  s << sql, soci::into(n);
  return n;
}

void migrate_up_to(soci::session& s, int version) {
  s << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, "
       "applied_at BIGINT NOT NULL)";
  for (const auto& m : embedded_migrations()) {
    if (m.dialect != "sqlite" || m.version > version) continue;
    for (const auto& statement : split_statements(m.sql)) s << statement;
    s << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, 0)", soci::use(m.version),
        soci::use(m.name);
  }
}

void insert_purchase(soci::session& s, const std::string& id, const std::string& external_id) {
  soci::indicator given = external_id.empty() ? soci::i_null : soci::i_ok;
  s << "INSERT INTO transactions (id, customer_id, store_id, external_id, occurred_at, currency, total_minor, "
       "points_earned, created_at) VALUES (:id, 'cus_1', 'sto_1', :x, 10, 'USD', 450, 45, 10)",
      soci::use(id), soci::use(external_id, given);
  s << "INSERT INTO transaction_lines (transaction_id, line_no, sku, name, quantity, unit_price_minor) "
       "VALUES (:id, 1, 'SKU-1', 'Coffee', 1, 450)",
      soci::use(id);
}

TEST(ExternalIdIndexMigration, KeepsRowsAndKeysAndTheRuleWhereAnIdIsGiven) {
  const char* dir = std::getenv("PATRON_TEST_SQLITE_DIR");
  const auto path = std::filesystem::path(dir ? dir : std::filesystem::temp_directory_path().string()) /
                    (unique("external") + ".db");
  DatabaseUrl url;
  url.path = path.string();
  {
    auto session = open_session(url);
    auto& s = *session;
    migrate_up_to(s, kBeforeRebuild);
    s << "INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at) "
         "VALUES ('cus_1', 'a@example.test', 'x', 'A', 'customer', 1, 1)";
    s << "INSERT INTO stores (id, code, name, created_at) VALUES ('sto_1', 'S1', 'Store', 1)";
    insert_purchase(s, "txn_1", "R-1");
    insert_purchase(s, "txn_2", "");
    insert_purchase(s, "txn_3", "");

    EXPECT_GE(migrate(s, Dialect::sqlite).applied, 1);

    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM transactions"), 3);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM transaction_lines"), 3);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                       "('transactions_by_customer', 'transactions_by_external_id')"),
              2);
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM pragma_index_list('transactions') "
                       "WHERE name = 'transactions_by_external_id' AND \"unique\" = 1 AND partial = 1"),
              1)
        << "a partial unique index: purchases without an external id have no entry";
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM pragma_index_list('transactions') WHERE origin = 'u'"), 0)
        << "no UNIQUE constraint's index is left";
    auto found = TransactionsRepository(s).find_by_external_id("sto_1", "R-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, "txn_1");

    EXPECT_THROW(insert_purchase(s, "txn_4", "R-1"), soci::soci_error) << "an external id stays unique per store";
    insert_purchase(s, "txn_5", "");  // any number without one
    EXPECT_EQ(count(s, "SELECT COUNT(*) FROM transactions WHERE external_id IS NULL"), 3);

    int enforced = 0;
    s << "PRAGMA foreign_keys", soci::into(enforced);
    EXPECT_EQ(enforced, 1) << "foreign keys are enforced again after the migration";
    EXPECT_THROW(s << "INSERT INTO transaction_lines (transaction_id, line_no, sku, name, quantity, unit_price_minor) "
                      "VALUES ('txn_missing', 1, 'SKU-1', 'Coffee', 1, 450)",
                 soci::soci_error);
  }
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

}  // namespace
}  // namespace patron::sql::testing
