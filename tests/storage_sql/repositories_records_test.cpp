// Every repository behaves the same on SQLite, MariaDB and PostgreSQL (part
// two): purchases, redemptions, tokens and keys, idempotency records and the
// catalog. The suite is instantiated for every backend in repositories_test.cpp.
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

TEST_P(Repositories, TransactionsWithLinesExternalIdsAndReturns) {
  auto u = customer();
  const auto sto = store();
  TransactionsRepository txns(db());
  bool inserted = false;
  auto make = [&](std::int64_t at, const std::string& external) {
    TransactionRecord t;
    t.id = unique("txn");
    t.customer_id = u.id;
    t.store_id = sto;
    t.external_id = external;
    t.occurred_at = at;
    t.currency = "USD";
    t.total_minor = 2500;
    t.points_earned = 25;
    t.earn_entry_id = "led_x";
    t.lines = {{1, "SKU-1", "Coffee", "coffee", 2, 1000, 0}, {2, "SKU-2", "Mug", "", 1, 500, 0}};
    soci::transaction writer(db());  // as the write queue runs every insert
    inserted = txns.insert(t, t0);
    writer.commit();
    return t;
  };
  auto a = make(t0 + 10, "R-1");
  EXPECT_TRUE(inserted);
  auto b = make(t0 + 20, "");
  auto c = make(t0 + 20, "");  // NULL external ids do not collide
  EXPECT_TRUE(inserted);
  const auto refused = make(t0 + 30, "R-1");
  EXPECT_FALSE(inserted) << "(store, external_id) is unique";
  EXPECT_FALSE(txns.find(refused.id)) << "a refused purchase leaves nothing behind";
  EXPECT_EQ(txns.find_by_external_id(sto, "R-1"), a.id);
  EXPECT_FALSE(txns.find_by_external_id(sto, "R-2"));
  auto found = txns.find(a.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->external_id, "R-1");
  EXPECT_EQ(txns.find(b.id)->external_id, "");
  ASSERT_EQ(found->lines.size(), 2u);
  EXPECT_EQ(found->lines[0].sku, "SKU-1");
  EXPECT_EQ(found->lines[1].unit_price_minor, 500);
  EXPECT_EQ(found->status, "completed");
  EXPECT_EQ(found->channel, "pos");

  auto first = txns.list_for_customer(u.id, 2, TimeCursor{});
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].occurred_at, t0 + 20);
  EXPECT_GT(first.items[0].id, first.items[1].id) << "ties broken by id, descending";
  ASSERT_TRUE(first.next_cursor);
  auto rest = txns.list_for_customer(u.id, 2, TimeCursor::parse(*first.next_cursor).value());
  ASSERT_EQ(rest.items.size(), 1u);
  EXPECT_EQ(rest.items[0].id, a.id);
  EXPECT_EQ(rest.items[0].lines.size(), 2u);
  EXPECT_EQ(txns.qualifying_spend(u.id, t0), 7500);
  EXPECT_EQ(txns.qualifying_spend(u.id, t0 + 15), 5000);
  EXPECT_EQ(txns.qualifying_spend(unique("none"), 0), 0);

  auto after = *found;
  after.returned_minor = 1000;
  after.points_reversed = 10;
  after.status = "partially_returned";
  after.lines[0].returned_quantity = 1;
  txns.record_return(after, unique("ret"), 1000, 10, "led_y", t0 + 40);
  auto returned = txns.find(a.id);
  EXPECT_EQ(returned->returned_minor, 1000);
  EXPECT_EQ(returned->points_reversed, 10);
  EXPECT_EQ(returned->status, "partially_returned");
  EXPECT_EQ(returned->lines[0].returned_quantity, 1);
  EXPECT_EQ(txns.qualifying_spend(u.id, t0), 6500);
  (void)c;
}

TEST_P(Repositories, RedemptionsCountCodesAndPage) {
  auto u = customer();
  const std::string reward_id = unique("rwd");
  CatalogRepository(db()).create(*find_catalog_resource("rewards"),
                                 {{"id", reward_id}, {"name", "Free coffee"}, {"points_cost", 100LL}}, t0);
  LedgerRepository ledger(db());
  std::vector<std::string> codes;
  for (int i = 0; i < 3; ++i) {
    // The newest carries an expiry; the others were issued before vouchers expired.
    RedemptionRecord r{unique("red"),
                       u.id,
                       reward_id,
                       "",
                       100,
                       unique("PTR-"),
                       "led_z",
                       t0 + (i == 2 ? 1 : 0),
                       i == 2 ? std::optional<std::int64_t>(t0 + 90 * 86'400) : std::nullopt};
    ledger.insert_redemption(r);
    codes.push_back(r.code);
  }
  EXPECT_EQ(ledger.count_redemptions(u.id, reward_id), 3);
  EXPECT_EQ(ledger.count_redemptions(u.id, unique("rwd")), 0);
  EXPECT_TRUE(ledger.redemption_code_taken(codes[1]));
  EXPECT_FALSE(ledger.redemption_code_taken(unique("PTR-")));
  RedemptionRecord dup{unique("red"), u.id, reward_id, "", 100, codes[0], "led_z", t0, std::nullopt};
  EXPECT_THROW(ledger.insert_redemption(dup), soci::soci_error) << "codes are unique";
  auto first = ledger.redemptions_of(u.id, 2, TimeCursor{});
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].created_at, t0 + 1);
  EXPECT_EQ(first.items[0].reward_name, "Free coffee");
  EXPECT_EQ(first.items[0].expires_at, std::optional<std::int64_t>(t0 + 90 * 86'400));
  EXPECT_FALSE(first.items[1].expires_at) << "a voucher without an expiry reads back as none";
  ASSERT_TRUE(first.next_cursor);
  auto rest = ledger.redemptions_of(u.id, 2, TimeCursor::parse(*first.next_cursor).value());
  ASSERT_EQ(rest.items.size(), 1u);
  EXPECT_FALSE(rest.next_cursor);
}

TEST_P(Repositories, RefreshTokensSpendAndRevoke) {
  auto u = customer();
  AccessRepository access(db());
  const auto family = unique("fam"), other_family = unique("fam");
  RefreshTokenRecord a{unique("rt"), u.id, family, t0 + 100, false, false};
  RefreshTokenRecord b{unique("rt"), u.id, other_family, t0 + 100, false, false};
  access.insert_refresh_token(a, "hash-" + a.id, t0);
  access.insert_refresh_token(b, "hash-" + b.id, t0);
  EXPECT_THROW(access.insert_refresh_token({unique("rt"), u.id, family, 0, false, false}, "hash-" + a.id, t0),
               soci::soci_error);
  auto found = access.find_refresh_token("hash-" + a.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->family_id, family);
  EXPECT_EQ(found->expires_at, t0 + 100);
  EXPECT_FALSE(found->spent);
  access.mark_spent(a.id);
  EXPECT_TRUE(access.find_refresh_token("hash-" + a.id)->spent);
  access.revoke_all_for_user(u.id, family);
  EXPECT_FALSE(access.find_refresh_token("hash-" + a.id)->revoked);
  EXPECT_TRUE(access.find_refresh_token("hash-" + b.id)->revoked);
  access.revoke_family(family);
  EXPECT_TRUE(access.find_refresh_token("hash-" + a.id)->revoked);
  EXPECT_FALSE(access.find_refresh_token("nope"));
}

TEST_P(Repositories, ApiKeysListAndRevokeTwice) {
  const auto sto = store();
  AccessRepository access(db());
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    ApiKeyRecord key{unique("key"), sto, "pk_abc", "till " + std::to_string(i), false, 0};
    access.insert_api_key(key, "khash-" + key.id, t0 + i);
    ids.push_back(key.id);
  }
  auto found = access.find_api_key("khash-" + ids[1]);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->store_id, sto);
  EXPECT_EQ(found->name, "till 1");
  EXPECT_EQ(found->created_at, t0 + 1);
  // Paging over all keys (other tests add theirs): ours appear once each, in id order.
  std::vector<std::string> seen;
  std::string cursor;
  for (int guard = 0; guard < 1000; ++guard) {
    auto page = access.list_api_keys(2, cursor);
    for (const auto& k : page.items) seen.push_back(k.id);
    if (!page.next_cursor) break;
    cursor = *page.next_cursor;
  }
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  for (const auto& id : ids) EXPECT_EQ(std::count(seen.begin(), seen.end(), id), 1);
  EXPECT_TRUE(access.revoke_api_key(ids[0]));
  EXPECT_TRUE(access.revoke_api_key(ids[0])) << "revoking twice still finds the key";
  EXPECT_TRUE(access.find_api_key("khash-" + ids[0])->revoked);
  EXPECT_FALSE(access.revoke_api_key(unique("key")));
}

TEST_P(Repositories, IdempotencyResponsesAreStoredWhole) {
  AccessRepository access(db());
  const auto scope = unique("usr_") + " POST /api/v1/pos/purchases";
  std::string body = "{\"note\":\"" + std::string(100'000, 'x') + " é 😀\"}";
  access.store_response(scope, "key-1", {"h1", 201, body}, t0, t0);
  auto found = access.find_response(scope, "key-1", t0);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status_code, 201);
  EXPECT_EQ(found->request_hash, "h1");
  EXPECT_EQ(found->body, body);
  EXPECT_FALSE(access.find_response(scope, "key-2", t0));
  EXPECT_THROW(access.store_response(scope, "key-1", {"h2", 200, "{}"}, t0, t0), soci::soci_error);
  {
    // Claim, then finish (inside a transaction, as the write queue runs them):
    // the claim is refused once the key is stored, and the transaction goes on.
    soci::transaction tx(db());
    EXPECT_TRUE(access.claim_response(scope, "key-3", "h4", t0, t0));
    access.finish_response(scope, "key-3", {"h4", 202, "{\"ok\":true}"});
    EXPECT_EQ(access.find_response(scope, "key-3", t0)->status_code, 202);
    EXPECT_FALSE(access.claim_response(scope, "key-3", "h5", t0, t0));
    EXPECT_FALSE(access.claim_response(scope, "key-1", "h5", t0, t0));
    tx.commit();
  }
  EXPECT_EQ(access.find_response(scope, "key-3", t0)->request_hash, "h4");
  const std::string long_key(255, 'k');
  access.store_response(scope, long_key, {"h3", 200, "{}"}, t0, t0);
  EXPECT_EQ(access.find_response(scope, long_key, t0)->request_hash, "h3");
}

TEST_P(Repositories, IdempotencyRecordsExpireAndArePurged) {
  AccessRepository access(db());
  const auto actor = unique("usr_");
  const auto scope = actor + " POST /api/v1/me/redemptions";
  const std::int64_t day = 24 * 3600;
  access.store_response(scope, "old", {"h1", 201, "{}"}, t0, t0);
  EXPECT_FALSE(access.find_response(scope, "old", t0 + 1)) << "an expired record counts as absent";
  access.store_response(scope, "old", {"h2", 200, "{}"}, t0 + day, t0 + 1);
  EXPECT_EQ(access.find_response(scope, "old", t0 + 1)->request_hash, "h2") << "and is replaced";
  EXPECT_THROW(access.store_response(scope, "old", {"h3", 200, "{}"}, t0 + day, t0 + 1), soci::soci_error);
  {
    soci::transaction tx(db());
    access.store_response(scope, "claimed", {"h1", 201, "{}"}, t0, t0);
    EXPECT_TRUE(access.claim_response(scope, "claimed", "h4", t0 + day, t0 + 1)) << "an expired key is taken over";
    EXPECT_FALSE(access.claim_response(scope, "claimed", "h5", t0 + day, t0 + 1));
    tx.commit();
  }
  EXPECT_EQ(access.find_response(scope, "claimed", t0 + 1)->request_hash, "h4");

  // Created at t0-10, -8, -6 (expired at the cutoff t0-5), -4 and -2 (not).
  for (int i = 0; i < 5; ++i) {
    access.store_response(scope, "purged-" + std::to_string(i), {"h", 201, "{}"}, t0 - 10 + 2 * i, t0 - 20);
  }
  EXPECT_TRUE(access.purge_expired_responses(t0 - 5, 1)) << "a slice of one second's rows; more are left";
  for (int slice = 0; slice < 10 && access.purge_expired_responses(t0 - 5, 1); ++slice) {
  }
  EXPECT_FALSE(access.purge_expired_responses(t0 - 5, 1));
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(access.find_response(scope, "purged-" + std::to_string(i), 0)) << i;
  for (int i = 3; i < 5; ++i) EXPECT_TRUE(access.find_response(scope, "purged-" + std::to_string(i), 0)) << i;
  EXPECT_TRUE(access.find_response(scope, "old", 0));
}

TEST_P(Repositories, ErasureDeletesOwnIdempotencyRecordsAndFindsOthersByContent) {
  AccessRepository access(db());
  const auto actor = unique("usr_");
  const auto other = actor + "x";  // an id that begins like the erased one
  const auto email = unique("erased") + "@example.test";
  access.store_response(actor + " PATCH /api/v1/me", "k1", {"h", 200, "{\"email\":\"" + email + "\"}"}, t0, t0);
  access.store_response(other + " PATCH /api/v1/me", "k1", {"h", 200, "{}"}, t0, t0);
  access.store_response("key:k1 POST /api/v1/pos/purchases", actor, {"h", 201, "{\"e\":\"" + email + "\"}"}, t0, t0);
  EXPECT_EQ(access.delete_responses_of(actor), 1);
  EXPECT_FALSE(access.find_response(actor + " PATCH /api/v1/me", "k1", 0));
  EXPECT_TRUE(access.find_response(other + " PATCH /api/v1/me", "k1", 0));
  auto found = access.responses_containing(email, "", "", 10);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, actor);
  access.replace_response_body(found[0].scope, found[0].key, "{}");
  EXPECT_TRUE(access.responses_containing(email, "", "", 10).empty());
  EXPECT_TRUE(access.responses_containing(email, found[0].scope, found[0].key, 10).empty());
}

TEST_P(Repositories, CatalogResourcesRoundTripWithNullsAndLongCodes) {
  CatalogRepository catalog(db());
  const auto& rewards = *find_catalog_resource("rewards");
  const std::string id = unique("rwd");
  catalog.create(rewards, {{"id", id}, {"name", "Mug"}, {"points_cost", 250LL}, {"stock", 1LL}}, t0);
  auto row = catalog.get(rewards, id);
  ASSERT_TRUE(row);
  EXPECT_EQ(std::get<std::string>(row->at("name")), "Mug");
  EXPECT_EQ(std::get<std::string>(row->at("description")), "") << "column default";
  EXPECT_EQ(std::get<long long>(row->at("stock")), 1);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(row->at("per_customer_limit")));
  catalog.update(rewards, id, {{"description", "A mug"}, {"active_to", 9'000'000'000LL}, {"stock", CatalogValue{}}});
  auto reward = catalog.reward(id);
  ASSERT_TRUE(reward);
  EXPECT_EQ(reward->description, "A mug");
  EXPECT_EQ(reward->active_to, 9'000'000'000LL);
  EXPECT_FALSE(reward->stock);
  EXPECT_FALSE(catalog.get(rewards, unique("rwd")));

  const auto& products = *find_catalog_resource("products");
  const std::string long_sku(2000, 'S');
  const std::string pid = unique("prd");
  const auto sku = unique("SKU") + long_sku.substr(0, 1900);
  catalog.create(products, {{"id", pid}, {"sku", sku}, {"name", "Café ☕"}, {"price_minor", 350LL}, {"currency", "EUR"}},
                 t0);
  EXPECT_TRUE(catalog.unique_value_taken(products, sku, ""));
  EXPECT_FALSE(catalog.unique_value_taken(products, sku, pid));
  EXPECT_THROW(catalog.create(
                   products,
                   {{"id", unique("prd")}, {"sku", sku}, {"name", "x"}, {"price_minor", 1LL}, {"currency", "EUR"}}, t0),
               soci::soci_error);
  auto product = catalog.product_by_sku(sku);
  ASSERT_TRUE(product);
  EXPECT_EQ(product->name, "Café ☕");
  EXPECT_EQ(product->price_minor, 350);
  catalog.archive(products, pid);
  EXPECT_FALSE(catalog.product_by_sku(sku));
  EXPECT_EQ(std::get<long long>(catalog.get(products, pid)->at("archived")), 1);
  EXPECT_THROW(catalog.create(rewards, {{"id", unique("rwd")}, {"name", "Free"}, {"points_cost", 0LL}}, t0),
               soci::soci_error)
      << "points_cost > 0 CHECK";
}

TEST_P(Repositories, CatalogListsPageByIdAndHideArchived) {
  CatalogRepository catalog(db());
  const auto& stores = *find_catalog_resource("stores");
  std::vector<std::string> ours;
  for (int i = 0; i < 4; ++i) {
    const auto id = unique("sto");
    catalog.create(stores, {{"id", id}, {"code", id}, {"name", "S"}}, t0);
    ours.push_back(id);
  }
  catalog.archive(stores, ours[2]);
  EXPECT_TRUE(catalog.store_exists(ours[0]));
  EXPECT_FALSE(catalog.store_exists(ours[2]));
  EXPECT_EQ(catalog.store_id_by_code(ours[2]), ours[2]);
  EXPECT_FALSE(catalog.store_id_by_code(unique("none")));
  auto all_ids = [&](bool include_archived) {
    std::vector<std::string> seen;
    std::string cursor;
    for (int guard = 0; guard < 1000; ++guard) {
      auto page = catalog.list(stores, 3, cursor, include_archived);
      for (const auto& row : page.items) seen.push_back(std::get<std::string>(row.at("id")));
      if (!page.next_cursor) break;
      cursor = *page.next_cursor;
    }
    return seen;
  };
  auto active = all_ids(false);
  auto everything = all_ids(true);
  EXPECT_TRUE(std::is_sorted(everything.begin(), everything.end()));
  EXPECT_EQ(std::count(active.begin(), active.end(), ours[2]), 0);
  EXPECT_EQ(std::count(everything.begin(), everything.end(), ours[2]), 1);
  EXPECT_EQ(std::count(active.begin(), active.end(), ours[3]), 1);
}

TEST_P(Repositories, RewardStockIsTakenOneAtATime) {
  CatalogRepository catalog(db());
  const auto& rewards = *find_catalog_resource("rewards");
  const auto stocked = unique("rwd"), unlimited = unique("rwd");
  catalog.create(rewards, {{"id", stocked}, {"name", "Stocked"}, {"points_cost", 10LL}, {"stock", 2LL}}, t0);
  catalog.create(rewards, {{"id", unlimited}, {"name", "Unlimited"}, {"points_cost", 10LL}}, t0);
  EXPECT_TRUE(catalog.decrement_stock(stocked));
  EXPECT_TRUE(catalog.decrement_stock(stocked));
  EXPECT_FALSE(catalog.decrement_stock(stocked));
  EXPECT_EQ(catalog.reward(stocked)->stock, 0);
  EXPECT_TRUE(catalog.decrement_stock(unlimited));
  EXPECT_FALSE(catalog.reward(unlimited)->stock);
}

TEST_P(Repositories, TiersSortByThreshold) {
  CatalogRepository catalog(db());
  const auto& tiers = *find_catalog_resource("tiers");
  const auto a = unique("t"), b = unique("t");
  catalog.create(tiers, {{"id", unique("tie")}, {"code", a}, {"name", "High"}, {"threshold_minor", 900'000'000'000LL}},
                 t0);
  catalog.create(tiers,
                 {{"id", unique("tie")}, {"code", b}, {"name", "Higher"}, {"threshold_minor", 900'000'000'001LL}}, t0);
  auto active = catalog.active_tiers();
  auto pos = [&](const std::string& code) {
    return std::find_if(active.begin(), active.end(), [&](const Tier& t) { return t.code == code; }) - active.begin();
  };
  ASSERT_LT(pos(a), static_cast<long>(active.size()));
  EXPECT_LT(pos(a), pos(b));
  EXPECT_EQ(active[pos(a)].multiplier_permille, 1000) << "column default";
}

}  // namespace
}  // namespace patron::sql::testing
