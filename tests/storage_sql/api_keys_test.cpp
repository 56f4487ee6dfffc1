// Store API keys through services::ApiKeys, the one home of both doors that
// issue them (the console and `patron apikey create`), on every backend.
#include "services/api_keys.h"
#include "backend.h"
#include "services/secrets.h"
#include "storage/sql/access_repository.h"
#include "storage/sql/catalog_repository.h"

namespace patron::sql::testing {
namespace {

constexpr std::int64_t t0 = 1'700'000'000;

class ApiKeysService : public BackendTest {
 protected:
  std::string store(const std::string& code) {
    const std::string id = unique("sto");
    CatalogRepository(db()).create(*find_catalog_resource("stores"), {{"id", id}, {"code", code}, {"name", "Store"}}, t0);
    return id;
  }
};

TEST_P(ApiKeysService, AnIssuedKeyIsFoundByItsHashWithTheTimeItWasIssued) {
  const auto store_id = store(unique("code"));
  const auto issued = services::ApiKeys(db()).issue(store_id, "till 1", t0 + 5);
  ASSERT_TRUE(issued.ok());
  EXPECT_EQ(issued->secret.rfind("pk_", 0), 0u);
  EXPECT_EQ(issued->key.prefix, issued->secret.substr(0, 10));
  const auto found = AccessRepository(db()).find_api_key(services::hash_hex(issued->secret));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->store_id, store_id);
  EXPECT_EQ(found->name, "till 1");
  EXPECT_EQ(found->created_at, t0 + 5);
  EXPECT_FALSE(found->revoked);
}

TEST_P(ApiKeysService, TheCommandLineNamesTheStoreByCodeAndGetsTheSameKind) {
  const auto code = unique("code");
  const auto store_id = store(code);
  const auto issued = services::ApiKeys(db()).issue_for_store_code(code, "cli", t0 + 7);
  ASSERT_TRUE(issued.ok());
  EXPECT_EQ(issued->key.store_id, store_id);
  EXPECT_EQ(AccessRepository(db()).find_api_key(services::hash_hex(issued->secret))->created_at, t0 + 7);
  const auto unknown = services::ApiKeys(db()).issue_for_store_code("NO-SUCH-CODE", "cli", t0);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
}

TEST_P(ApiKeysService, UnknownStoresLongNamesAndUnknownKeysAreRefused) {
  const auto no_store = services::ApiKeys(db()).issue("sto_missing", "", t0);
  ASSERT_FALSE(no_store.ok());
  EXPECT_EQ(no_store.error().field, "store_id");
  const auto long_name = services::ApiKeys(db()).issue(store(unique("code")), std::string(121, 'n'), t0);
  ASSERT_FALSE(long_name.ok());
  EXPECT_EQ(long_name.error().field, "name");
  EXPECT_EQ(services::ApiKeys(db()).revoke("key_missing").error().code, ErrorCode::not_found);
}

TEST_P(ApiKeysService, ARevokedKeyStaysListedAsRevoked) {
  const auto issued = services::ApiKeys(db()).issue(store(unique("code")), "", t0);
  ASSERT_TRUE(issued.ok());
  ASSERT_TRUE(services::ApiKeys(db()).revoke(issued->key.id).ok());
  EXPECT_TRUE(AccessRepository(db()).find_api_key(services::hash_hex(issued->secret))->revoked);
}

PATRON_ALL_BACKENDS(ApiKeysService);

}  // namespace
}  // namespace patron::sql::testing
