// Association rules and co-occurrence on the arules Groceries data.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "analytics/association_rules.h"
#include "test_table.h"

namespace patron::analytics {
namespace {

const Baskets& groceries() {
  static const Baskets baskets = [] {
    auto input = testing::open_or_fail(testing::shared_data("groceries/groceries.csv"));
    auto read = read_baskets(input);
    if (!read.ok()) throw std::runtime_error(read.error().message);
    return std::move(read).value();
  }();
  return baskets;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator)) parts.push_back(part);
  return parts;
}

std::vector<std::string> names(const std::vector<std::uint32_t>& items) {
  std::vector<std::string> out;
  for (auto item : items) out.push_back(groceries().item_names[item]);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Rules, GroceriesShape) {
  EXPECT_EQ(groceries().size(), 9835u);
  EXPECT_EQ(groceries().item_count(), 169u);
}

TEST(Rules, GroceriesMatchArules) {
  for (const auto& row : testing::read_table("groceries_rules.csv")) {
    SCOPED_TRACE("support " + row[0] + " confidence " + row[1]);
    RuleOptions options;
    options.min_support = std::stod(row[0]);
    options.min_confidence = std::stod(row[1]);
    options.min_length = std::stoul(row[2]);
    const auto rules = association_rules(groceries(), options);
    ASSERT_EQ(rules.size(), std::stoul(row[3]));
    if (!row[4].empty()) {
      std::map<std::size_t, std::size_t> lengths;
      for (const auto& rule : rules) ++lengths[rule.antecedent.size() + 1];
      for (const auto& entry : split(row[4], ';')) {
        const auto parts = split(entry, ':');
        EXPECT_EQ(lengths[std::stoul(parts[0])], std::stoul(parts[1])) << "length " << parts[0];
      }
    }
    const AssociationRule& top = rules.front();
    EXPECT_EQ(names(top.antecedent), split(row[5], ';'));
    EXPECT_EQ(groceries().item_names[top.consequent], row[6]);
    EXPECT_NEAR(top.support, std::stod(row[7]), 1e-8);
    EXPECT_NEAR(top.confidence, std::stod(row[8]), 1e-8);
    EXPECT_NEAR(top.lift, std::stod(row[9]), 1e-7);
    EXPECT_TRUE(std::is_sorted(rules.begin(), rules.end(),
                               [](const auto& l, const auto& r) { return l.lift > r.lift; }));
  }
}

TEST(Rules, EmptyAntecedentWhenAnItemAloneIsConfidentEnough) {
  BasketBuilder builder;
  for (const char* basket : {"a,b", "a", "a,c", "b"}) {
    for (const auto& item : split(basket, ',')) builder.add_item(item);
    builder.end_basket();
  }
  const Baskets baskets = builder.finish();
  const auto rules = association_rules(baskets, {0.25, 0.7, 1, 10});
  ASSERT_EQ(rules.size(), 2u);  // {} -> {a} (0.75) and {c} -> {a} (1.0)
  EXPECT_EQ(baskets.item_names[rules[0].consequent], "a");
  EXPECT_EQ(rules[0].antecedent.size(), 1u);
  EXPECT_DOUBLE_EQ(rules[0].lift, 1.0 / 0.75);
  EXPECT_TRUE(rules[1].antecedent.empty());
  EXPECT_DOUBLE_EQ(rules[1].confidence, 0.75);
}

TEST(Rules, CooccurrenceAgreesWithPairRules) {
  const double support = 0.01;
  const auto pairs = item_cooccurrence(groceries(), support);
  const auto rules = association_rules(groceries(), {support, 0.0, 2, 2});
  ASSERT_EQ(rules.size(), 2 * pairs.size());  // each pair gives a rule each way
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> confidence;
  for (const auto& rule : rules) confidence[{rule.antecedent[0], rule.consequent}] = rule.confidence;
  for (const auto& pair : pairs) {
    EXPECT_DOUBLE_EQ(pair.confidence_first_to_second, (confidence[{pair.first, pair.second}]));
    EXPECT_DOUBLE_EQ(pair.confidence_second_to_first, (confidence[{pair.second, pair.first}]));
    EXPECT_NEAR(pair.lift, pair.confidence_first_to_second / (pair.support / pair.confidence_second_to_first), 1e-9);
  }
}

TEST(Rules, MinimumCountIsRobustToRounding) {
  EXPECT_EQ(min_count_for(0.001, 10000), 10u);
  EXPECT_EQ(min_count_for(0.001, 9835), 10u);
  EXPECT_EQ(min_count_for(0.0, 100), 1u);
}

}  // namespace
}  // namespace patron::analytics
