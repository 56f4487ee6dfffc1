// Every repository behaves the same on SQLite, MariaDB and PostgreSQL: round
// trips, keys and checks, NULLs, paging, LIKE escaping, 64-bit values. Users,
// accounts and the ledger here; the rest in repositories_records_test.cpp.
#include <algorithm>
#include <map>

#include "repositories_fixture.h"
#include "storage/sql/access_repository.h"
#include "storage/sql/catalog_repository.h"
#include "storage/sql/ledger_repository.h"
#include "storage/sql/migrations.h"
#include "storage/sql/transactions_repository.h"
#include "storage/sql/users_repository.h"

namespace patron::sql::testing {
namespace {

TEST_P(Repositories, MigrationsAreRecordedOnceAtTheLatestVersion) {
  int latest = 0;
  for (const auto& m : embedded_migrations()) {
    if (m.dialect == to_string(dialect())) latest = std::max(latest, m.version);
  }
  ASSERT_GT(latest, 0) << "no migrations for " << to_string(dialect());
  auto again = migrate(db(), dialect());
  EXPECT_EQ(again.applied, 0);
  EXPECT_EQ(again.current_version, latest);
  long long rows = 0;
  db() << "SELECT COUNT(*) FROM schema_migrations", soci::into(rows);
  EXPECT_EQ(rows, latest);
}

TEST_P(Repositories, UsersRoundTripWithNullCardAndUnicode) {
  UsersRepository users(db());
  auto u = customer("Zoë 😀 O'Brien \\ \"quoted\"");
  auto found = users.find_by_id(u.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->email, u.email);
  EXPECT_EQ(found->name, u.name);
  EXPECT_EQ(found->role, "customer");
  EXPECT_EQ(found->status, "active");
  EXPECT_EQ(found->created_at, t0);
  EXPECT_FALSE(found->marketing_opt_in);
  EXPECT_EQ(users.find_by_email(u.email)->id, u.id);
  EXPECT_EQ(users.find_by_card_number(u.card_number)->id, u.id);
  EXPECT_FALSE(users.find_by_id(unique("none")));

  // Staff have no card: NULL, and many NULLs are not a unique violation.
  for (int i = 0; i < 2; ++i) {
    UserRecord staff{unique("usr"), unique("s") + "@example.test", "h", "Staff", "", "staff", "", true, "active", 0};
    users.insert(staff, t0);
    auto back = users.find_by_id(staff.id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->card_number, "");
    EXPECT_TRUE(back->marketing_opt_in);
  }
  EXPECT_TRUE(users.has_any_user());
}

TEST_P(Repositories, UniqueKeysAreEnforcedAndCaseSensitive) {
  UsersRepository users(db());
  auto u = customer();
  UserRecord dup = u;
  dup.id = unique("usr");
  dup.card_number = unique("9");
  EXPECT_THROW(users.insert(dup, t0), soci::soci_error) << "duplicate email";
  // Emails are stored lowered by the service; the store compares bytes, as SQLite does.
  UserRecord upper = dup;
  std::transform(upper.email.begin(), upper.email.end(), upper.email.begin(), ::toupper);
  EXPECT_NO_THROW(users.insert(upper, t0));
  EXPECT_EQ(users.find_by_email(upper.email)->id, upper.id);
  EXPECT_EQ(users.find_by_email(u.email)->id, u.id);
  UserRecord same_card = u;
  same_card.id = unique("usr");
  same_card.email = unique("e") + "@example.test";
  EXPECT_THROW(users.insert(same_card, t0), soci::soci_error) << "duplicate card";
  EXPECT_THROW(users.insert_account({u.id, 0, "", 0, 0}, t0), soci::soci_error) << "second account";
}

TEST_P(Repositories, ProfileUpdatesAndErasure) {
  UsersRepository users(db());
  auto u = customer();
  u.name = "Renamed";
  u.phone = "+1 555";
  u.marketing_opt_in = true;
  users.update_profile(u, t0 + 5);
  users.update_password_hash(u.id, "$argon2id$new", t0 + 6);
  auto back = users.find_by_id(u.id);
  EXPECT_EQ(back->name, "Renamed");
  EXPECT_EQ(back->phone, "+1 555");
  EXPECT_TRUE(back->marketing_opt_in);
  EXPECT_EQ(back->password_hash, "$argon2id$new");
  users.anonymize(u.id, t0 + 7);
  back = users.find_by_id(u.id);
  EXPECT_EQ(back->status, "erased");
  EXPECT_EQ(back->card_number, "");
  EXPECT_FALSE(users.find_by_email(u.email));
  EXPECT_FALSE(users.find_by_card_number(u.card_number));
}

TEST_P(Repositories, CustomerSearchTreatsWildcardsLiterallyAndIgnoresCase) {
  const auto tag = unique("q");
  auto percent = customer(tag + " 100% Pure");
  auto plain = customer(tag + " 1000 Pure");
  auto underscore = customer(tag + " a_b!c");
  auto other = customer(tag + " axb!c");
  UsersRepository users(db());
  auto ids = [&](const std::string& q) {
    std::vector<std::string> out;
    for (const auto& u : users.search_customers(q, 50, "").items) out.push_back(u.id);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids(tag + " 100%"), std::vector<std::string>{percent.id});
  EXPECT_EQ(ids(tag + " A_B!C"), std::vector<std::string>{underscore.id});
  EXPECT_EQ(ids(tag).size(), 4u);
  auto sorted = std::vector<std::string>{percent.id, plain.id, underscore.id, other.id};
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(ids(tag), sorted);
  EXPECT_EQ(ids(percent.card_number), std::vector<std::string>{percent.id});
  // Keyset paging: ordered by id, two at a time.
  auto first = users.search_customers(tag, 2, "");
  ASSERT_EQ(first.items.size(), 2u);
  ASSERT_TRUE(first.next_cursor);
  auto second = users.search_customers(tag, 2, *first.next_cursor);
  ASSERT_EQ(second.items.size(), 2u);
  EXPECT_FALSE(second.next_cursor);
  EXPECT_EQ(first.items[0].id, sorted[0]);
  EXPECT_EQ(second.items[1].id, sorted[3]);
  // Erased and staff users are not found.
  users.anonymize(other.id, t0);
  EXPECT_EQ(ids(tag).size(), 3u);
}

TEST_P(Repositories, AccountsHold64BitBalancesAndListDueReviews) {
  UsersRepository users(db());
  auto u = customer();
  auto account = users.load_account(u.id);
  ASSERT_TRUE(account);
  EXPECT_EQ(account->points_balance, 0);
  EXPECT_EQ(account->tier_code, "bronze");
  account->points_balance = 9'000'000'000'000LL;
  account->entry_count = 3;
  account->tier_code = "gold";
  account->tier_anniversary_at = 1;  // due
  users.save_account(*account, t0);
  auto back = users.load_account(u.id);
  EXPECT_EQ(back->points_balance, 9'000'000'000'000LL);
  EXPECT_EQ(back->entry_count, 3);
  EXPECT_EQ(back->tier_code, "gold");
  EXPECT_FALSE(users.load_account(unique("none")));
  auto due = users.accounts_due_for_tier_review(2, 100000);
  EXPECT_NE(std::find(due.begin(), due.end(), u.id), due.end());
  EXPECT_TRUE(std::is_sorted(due.begin(), due.end()));
  EXPECT_EQ(users.accounts_due_for_tier_review(2, 1).size(), 1u);
}

TEST_P(Repositories, LedgerPagesNewestFirstAndSums) {
  auto u = customer();
  LedgerRepository ledger(db());
  Points balance = 0;
  for (int seq = 1; seq <= 5; ++seq) {
    const Points p = seq == 4 ? -30 : 100;
    balance += p;
    entry(u.id, seq, p, balance);
  }
  EXPECT_EQ(ledger.sum_of_entries(u.id), 370);
  EXPECT_EQ(ledger.sum_of_entries(unique("none")), 0);
  auto page = ledger.list(u.id, 2, std::nullopt);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].seq, 5);
  EXPECT_EQ(page.items[1].seq, 4);
  EXPECT_EQ(page.items[1].points, -30);
  EXPECT_EQ(page.items[1].kind, "redeem");
  ASSERT_EQ(page.next_cursor, "4");
  auto rest = ledger.list(u.id, 10, 4);
  ASSERT_EQ(rest.items.size(), 3u);
  EXPECT_EQ(rest.items.back().seq, 1);
  EXPECT_FALSE(rest.next_cursor);
  auto found = ledger.find(page.items[0].id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->customer_id, u.id);
  EXPECT_EQ(found->balance_after, 370);
  EXPECT_EQ(found->reference, "ref5");
  EXPECT_THROW(entry(u.id, 3, 1, 1), soci::soci_error) << "(customer, seq) is unique";
}

TEST_P(Repositories, LedgerChecksKindAndForeignKeys) {
  auto u = customer();
  LedgerEntryRecord bad;
  bad.id = unique("led");
  bad.customer_id = u.id;
  bad.seq = 1;
  bad.kind = "gift";
  EXPECT_THROW(LedgerRepository(db()).append(bad), soci::soci_error) << "kind CHECK";
  bad.kind = "earn";
  bad.customer_id = unique("ghost");
  EXPECT_THROW(LedgerRepository(db()).append(bad), soci::soci_error) << "customer foreign key";
}

TEST_P(Repositories, PointLotsOrderConsumeAndNeverGoNegative) {
  auto u = customer();
  LedgerRepository ledger(db());
  auto late = entry(u.id, 1, 100, 100);
  auto early = entry(u.id, 2, 50, 150);
  ledger.open_lot(late.id, u.id, 100, t0, t0 + 2000);
  ledger.open_lot(early.id, u.id, 50, t0 + 1, t0 + 1000);
  auto lots = ledger.open_lots(u.id);
  ASSERT_EQ(lots.size(), 2u);
  EXPECT_EQ(lots[0].id, early.id);
  EXPECT_EQ(lots[0].remaining, 50);
  EXPECT_EQ(lots[1].expires_at, t0 + 2000);
  ledger.consume({{early.id, 50}, {late.id, 10}});
  lots = ledger.open_lots(u.id);
  ASSERT_EQ(lots.size(), 1u);
  EXPECT_EQ(lots[0].remaining, 90);
  EXPECT_THROW(ledger.consume({{late.id, 91}}), soci::soci_error) << "remaining >= 0 CHECK";
  EXPECT_EQ(ledger.open_lots(u.id)[0].remaining, 90);
  auto expired = ledger.customers_with_expired_lots(t0 + 5000, 100000);
  EXPECT_EQ(std::count(expired.begin(), expired.end(), u.id), 1) << "DISTINCT customers";
  EXPECT_TRUE(std::is_sorted(expired.begin(), expired.end()));
  // Before either lot expires, and once only the used-up one has, nothing of u's is due.
  for (const std::int64_t at : {t0 - 1, t0 + 1500}) {
    const auto due = ledger.customers_with_expired_lots(at, 100000);
    EXPECT_EQ(std::count(due.begin(), due.end(), u.id), 0) << "at t0 + " << at - t0;
  }
}

TEST_P(Repositories, ExpiringPointsAreSummedPerDateSoonestFirst) {
  auto u = customer();
  LedgerRepository ledger(db());
  const std::int64_t expiries[] = {t0 + 3000, t0 + 1000, t0 + 1000, t0 + 2000, t0 + 4000};
  Points balance = 0;
  for (int i = 0; i < 5; ++i) {
    balance += 10 * (i + 1);
    auto e = entry(u.id, i + 1, 10 * (i + 1), balance);
    ledger.open_lot(e.id, u.id, 10 * (i + 1), t0 + i, expiries[i]);
  }
  auto lots = ledger.open_lots(u.id);
  ledger.consume({{lots.back().id, 50}});  // the t0 + 4000 lot is used up
  auto expiring = ledger.expiring_points(u.id, 2);
  ASSERT_EQ(expiring.size(), 2u);
  EXPECT_EQ(expiring[0].expires_at, t0 + 1000);
  EXPECT_EQ(expiring[0].points, 20 + 30);
  EXPECT_EQ(expiring[1].expires_at, t0 + 2000);
  EXPECT_EQ(expiring[1].points, 40);
  EXPECT_EQ(ledger.expiring_points(u.id, 10).size(), 3u);
  EXPECT_TRUE(ledger.expiring_points(unique("none"), 10).empty());
}

TEST_P(Repositories, ParseDatabaseUrlDecodesEscapes) {
  auto url = parse_database_url("mysql://us%40er:p%40ss%3Aw%2Fd@db.local:3307/shop%5Fdb");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->user, "us@er");
  EXPECT_EQ(url->password, "p@ss:w/d");
  EXPECT_EQ(url->database, "shop_db");
  EXPECT_EQ(url->port, 3307);
  EXPECT_EQ(percent_encode("p@ss:w/d"), "p%40ss%3Aw%2Fd");
  EXPECT_FALSE(parse_database_url("postgresql://u:p%zz@h/db").ok());
}

PATRON_ALL_BACKENDS(Repositories);

// A migration added for one dialect must be ported to the others.
TEST(Migrations, EveryDialectHasTheSameVersions) {
  std::map<std::string, std::vector<std::string>> by_dialect;
  for (const auto& m : embedded_migrations()) {
    by_dialect[m.dialect].push_back(std::to_string(m.version) + " " + m.name);
  }
  ASSERT_EQ(by_dialect.size(), 3u);
  for (const auto& [dialect, versions] : by_dialect) {
    EXPECT_EQ(versions, by_dialect["sqlite"]) << dialect << " differs from sqlite";
  }
}

}  // namespace
}  // namespace patron::sql::testing
