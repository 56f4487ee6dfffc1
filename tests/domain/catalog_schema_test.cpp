// The catalog schema is the one source of the configuration's rules: what a
// write must carry, the bounds of its numbers, the choices of its kinds.
#include "domain/catalog_schema.h"

#include <algorithm>

#include <gtest/gtest.h>

#include <set>

#include "domain/earning.h"
#include "domain/limits.h"
#include "domain/rewards.h"

namespace patron {
namespace {

const CatalogResource& resource(std::string_view name) {
  const auto* found = find_catalog_resource(name);
  EXPECT_NE(found, nullptr) << name;
  return *found;
}

const CatalogField& field_of(std::string_view resource_name, const std::string& name) {
  for (const auto& field : resource(resource_name).fields) {
    if (field.name == name) return field;
  }
  ADD_FAILURE() << resource_name << " has no field " << name;
  static const CatalogField none;
  return none;
}

std::string problem(std::string_view resource_name, const std::string& name, CatalogValue value) {
  return catalog_value_problem(field_of(resource_name, name), value).value_or("");
}

TEST(CatalogSchema, NamesTheFiveResourcesWithDistinctFieldsAndIdPrefixes) {
  std::set<std::string> names, prefixes;
  for (const auto& r : catalog_resources()) {
    names.insert(r.name);
    prefixes.insert(r.id_prefix);
    std::set<std::string> fields;
    for (const auto& f : r.fields) {
      EXPECT_TRUE(fields.insert(f.name).second) << r.name << "." << f.name << " twice";
      EXPECT_FALSE(f.label.empty()) << r.name << "." << f.name << " has no label for the console";
      EXPECT_LE(f.min, f.max) << r.name << "." << f.name;
      EXPECT_FALSE(f.required && f.nullable) << r.name << "." << f.name;
    }
    if (!r.unique_field.empty()) {
      EXPECT_TRUE(fields.contains(r.unique_field)) << r.name;
    }
  }
  EXPECT_EQ(names, (std::set<std::string>{"products", "stores", "tiers", "earning-rules", "rewards"}));
  EXPECT_EQ(prefixes.size(), 5u);
  EXPECT_EQ(find_catalog_resource("orders"), nullptr);
}

TEST(CatalogSchema, EarningRuleKindsAreExactlyTheDomainsKinds) {
  const auto& kind = field_of("earning-rules", "kind");
  ASSERT_EQ(kind.kind, CatalogFieldKind::choice);
  for (const auto& choice : kind.choices) EXPECT_TRUE(parse_earning_rule_kind(choice.value)) << choice.value;
  EXPECT_EQ(kind.choices.size(), 6u);
  EXPECT_EQ(problem("earning-rules", "kind", std::string("triple_points")),
            "must be one of base_rate, category_multiplier, sku_multiplier, category_bonus, sku_bonus, "
            "spend_threshold_bonus");
}

TEST(CatalogSchema, NumbersKeepTheirBounds) {
  EXPECT_EQ(problem("rewards", "points_cost", 0LL), "must be at least 1");
  EXPECT_EQ(problem("rewards", "points_cost", 1LL), "");
  EXPECT_EQ(problem("rewards", "stock", -1LL), "must not be negative");
  EXPECT_EQ(problem("rewards", "voucher_valid_days", max_voucher_valid_days + 1), "must be from 1 to 3650");
  EXPECT_EQ(problem("rewards", "voucher_valid_days", min_voucher_valid_days), "");
  EXPECT_EQ(problem("tiers", "multiplier_permille", max_multiplier_permille + 1), "must be from 0 to 100000");
  EXPECT_EQ(problem("earning-rules", "rate_milli", max_rate_milli + 1), "must be from 0 to 1000000");
  EXPECT_EQ(problem("earning-rules", "bonus_points", ceiling_points_per_transaction + 1),
            "must be at most 1000000000000");
  EXPECT_EQ(problem("products", "price_minor", -1LL), "must not be negative");
  EXPECT_EQ(problem("products", "price_minor", max_catalog_number + 1), "must be at most 1000000000000");
}

TEST(CatalogSchema, TextsAreCheckedForBlanksCurrenciesAndLength) {
  EXPECT_EQ(problem("products", "sku", std::string(" \t")), "must not be blank");
  EXPECT_EQ(problem("products", "brand", std::string(" ")), "") << "an optional text may be blank";
  EXPECT_EQ(problem("products", "currency", std::string("EURO")), "must be an ISO 4217 code");
  EXPECT_EQ(problem("products", "currency", std::string("EUR")), "");
  EXPECT_EQ(problem("rewards", "terms", std::string(max_catalog_text + 1, 'x')), "must be at most 2000 characters");
}

TEST(CatalogSchema, ARowIsCheckedForRequiredNullsAndTypes) {
  const auto& rewards = resource("rewards");
  const auto missing = check_catalog_row(rewards, {{"name", std::string("Tote")}}, true);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "points_cost");
  EXPECT_EQ(missing.error().message, "is required");
  EXPECT_TRUE(check_catalog_row(rewards, {{"stock", 5LL}}, false).ok()) << "a change carries only what changes";
  const auto null_days = check_catalog_row(rewards, {{"voucher_valid_days", std::monostate{}}}, false);
  ASSERT_FALSE(null_days.ok());
  EXPECT_EQ(null_days.error().message, "must not be null");
  EXPECT_TRUE(check_catalog_row(rewards, {{"stock", std::monostate{}}}, false).ok()) << "null clears the stock";
  const auto null_name = check_catalog_row(rewards, {{"name", std::monostate{}}}, false);
  ASSERT_FALSE(null_name.ok());
  EXPECT_EQ(null_name.error().message, "is required");
  const auto wrong_type = check_catalog_row(rewards, {{"points_cost", std::string("ten")}}, false);
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().message, "must be a number");
}

// A product is priced in its own currency; a tier's qualifying spend and a
// rule's spend threshold are compared with purchases converted to the base
// currency, so they are in it, and may not be negative.
TEST(CatalogSchema, MoneyIsInTheItemsCurrencyOrTheBaseCurrency) {
  const auto* products = find_catalog_resource("products");
  ASSERT_NE(money_currency_field(*products), nullptr);
  EXPECT_EQ(money_currency_field(*products)->name, "currency");
  for (const char* name : {"tiers", "earning-rules"}) {
    const auto* resource = find_catalog_resource(name);
    EXPECT_EQ(money_currency_field(*resource), nullptr) << name;
    const auto threshold = std::find_if(resource->fields.begin(), resource->fields.end(),
                                        [](const CatalogField& f) { return f.name == "threshold_minor"; });
    ASSERT_NE(threshold, resource->fields.end()) << name;
    EXPECT_EQ(threshold->kind, CatalogFieldKind::money) << name;
    EXPECT_EQ(catalog_value_problem(*threshold, -1LL), "must not be negative") << name;
  }
}

TEST(CatalogSchema, ATextFieldClearedWithNullIsStoredAsEmptyText) {
  const auto& rewards = *find_catalog_resource("rewards");
  const auto stored = stored_row(rewards, {{"description", std::monostate{}}, {"stock", std::monostate{}}});
  EXPECT_EQ(stored.at("description"), CatalogValue(std::string()));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(stored.at("stock"))) << "a number's null means none";
  EXPECT_FALSE(stored.contains("terms")) << "what the change leaves out stays out";
}

TEST(CatalogSchema, ReferencesAreIdsWithoutSpacesAndAtMostAHundred) {
  EXPECT_EQ(referenced_ids(" sto_a , sto_b,,  "), (std::vector<std::string>{"sto_a", "sto_b"}));
  EXPECT_TRUE(referenced_ids(" , ").empty());
  const auto& rules = *find_catalog_resource("earning-rules");
  const auto stored = stored_row(rules, {{"store_ids", std::string(" sto_a , sto_b ")}});
  EXPECT_EQ(stored.at("store_ids"), CatalogValue(std::string("sto_a,sto_b")));
  const auto field = std::find_if(rules.fields.begin(), rules.fields.end(),
                                  [](const CatalogField& f) { return f.name == "store_ids"; });
  ASSERT_NE(field, rules.fields.end());
  EXPECT_EQ(field->references, "stores");
  std::string many;
  for (std::size_t i = 0; i <= max_referenced_items; ++i) many += "sto_x,";
  EXPECT_EQ(catalog_value_problem(*field, many), "must name at most 100 items");
}

}  // namespace
}  // namespace patron
