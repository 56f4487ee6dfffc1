#pragma once
// The repositories' test fixture, shared by the test files that run on every
// SQL backend (repositories_test.cpp, repositories_records_test.cpp).
#include <string>

#include "backend.h"
#include "storage/sql/catalog_repository.h"
#include "storage/sql/ledger_repository.h"
#include "storage/sql/users_repository.h"

namespace patron::sql::testing {

inline constexpr std::int64_t t0 = 1'700'000'000;

class Repositories : public BackendTest {
 protected:
  UserRecord customer(const std::string& name = "Customer", bool with_account = true) {
    UserRecord u;
    u.id = unique("usr");
    u.email = u.id + "@example.test";
    u.password_hash = "$argon2id$x";
    u.name = name;
    u.role = "customer";
    u.card_number = unique("9");
    UsersRepository users(db());
    users.insert(u, t0);
    if (with_account) users.insert_account({u.id, 0, "bronze", t0 + 86400, 0}, t0);
    return u;
  }
  std::string store() {
    const std::string id = unique("sto");
    CatalogRepository(db()).create(*find_catalog_resource("stores"), {{"id", id}, {"code", id}, {"name", "Store"}}, t0);
    return id;
  }
  LedgerEntryRecord entry(const std::string& customer_id, std::int64_t seq, Points points, Points after) {
    LedgerEntryRecord e;
    e.id = unique("led");
    e.customer_id = customer_id;
    e.seq = seq;
    e.occurred_at = t0 + seq;
    e.kind = points >= 0 ? "earn" : "redeem";
    e.points = points;
    e.balance_after = after;
    e.reference = "ref" + std::to_string(seq);
    LedgerRepository(db()).append(e);
    return e;
  }
};

}  // namespace patron::sql::testing
