// An enum's name table must name every value once: a value left out would be
// stored under the fallback's name, which a switch's -Wswitch used to prevent.
#include "domain/enum_names.h"

#include <string>
#include <vector>

#include "domain/catalog_schema.h"
#include "domain/earning.h"
#include "domain/ledger.h"

#include <gtest/gtest.h>

namespace patron {
namespace {

enum class Colour { red, green, blue };

constexpr EnumName<Colour> kAll[] = {{Colour::red, "red"}, {Colour::green, "green"}, {Colour::blue, "blue"}};
constexpr EnumName<Colour> kMissingLast[] = {{Colour::red, "red"}, {Colour::green, "green"}};
constexpr EnumName<Colour> kTwice[] = {{Colour::red, "red"}, {Colour::red, "again"}, {Colour::blue, "blue"}};

static_assert(names_every_value(kAll));
static_assert(!names_every_value(kMissingLast));
static_assert(!names_every_value(kTwice));
static_assert(is_named_enumerator<Colour::blue>());
static_assert(!is_named_enumerator<static_cast<Colour>(3)>());

constexpr EnumNames kColours(kAll, Colour::red);

TEST(EnumNames, NamesAndParsesFromOneTable) {
  EXPECT_STREQ(kColours.name(Colour::green), "green");
  EXPECT_EQ(kColours.parse("blue"), Colour::blue);
  EXPECT_EQ(kColours.parse("purple"), std::nullopt);
  EXPECT_STREQ(kColours.name(static_cast<Colour>(9)), "red");  // a stray cast gets the fallback
}

static_assert(enumerator_identifier<Colour::green>() == "green");
static_assert(enumerator_count<Colour>() == 3);

constexpr auto kColourIdentifiers = enumerator_names(Colour::blue);

TEST(EnumNames, EnumeratorNamesAreTheIdentifiers) {
  EXPECT_STREQ(kColourIdentifiers.name(Colour::red), "red");
  EXPECT_STREQ(kColourIdentifiers.name(Colour::blue), "blue");
  EXPECT_EQ(kColourIdentifiers.parse("green"), Colour::green);
  EXPECT_EQ(kColourIdentifiers.parse("Green"), std::nullopt);
  EXPECT_STREQ(kColourIdentifiers.name(static_cast<Colour>(3)), "blue");
}

// The stored vocabularies: these names are in the database (ledger.kind,
// earning_rules.kind) and the catalog's schema, so an enumerator renamed
// without a migration fails here.
template <typename Enum, typename Name>
std::vector<std::string> names_of(Name name) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < enumerator_count<Enum>(); ++i) names.emplace_back(name(static_cast<Enum>(i)));
  return names;
}

TEST(EnumNames, StoredNamesStayAsMigrated) {
  const auto ledger = names_of<LedgerKind>([](LedgerKind k) { return to_string(k); });
  EXPECT_EQ(ledger, (std::vector<std::string>{"earn", "redeem", "expire", "reverse", "adjust", "bonus"}));
  const auto rules = names_of<EarningRuleKind>([](EarningRuleKind k) { return to_string(k); });
  EXPECT_EQ(rules, (std::vector<std::string>{"base_rate", "category_multiplier", "sku_multiplier", "category_bonus",
                                             "sku_bonus", "spend_threshold_bonus"}));
  const auto fields = names_of<CatalogFieldKind>([](CatalogFieldKind k) { return catalog_field_kind_name(k); });
  EXPECT_EQ(fields, (std::vector<std::string>{"text", "long_text", "currency", "choice", "integer", "money", "permille",
                                              "instant", "references"}));
  EXPECT_EQ(parse_ledger_kind("bonus"), LedgerKind::bonus);
  EXPECT_EQ(parse_earning_rule_kind("sku_bonus"), EarningRuleKind::sku_bonus);
}

}  // namespace
}  // namespace patron
