// Campaign rules, the control-group draw, candidates with their reasons, and
// the report's intervals against published and independently computed values.
#include <gtest/gtest.h>

#include "offers/campaign.h"
#include "offers/statistics.h"
#include "offers/targeting.h"

namespace patron::offers {
namespace {

constexpr std::int64_t now = 1'767'225'600;  // 2026-01-01
constexpr std::int64_t day = 86'400;

Campaign valid_campaign() {
  Campaign c;
  c.id = "cmp_1";
  c.name = "Coffee lovers";
  c.offer.kind = OfferKind::bonus_multiplier;
  c.offer.multiplier_permille = 3000;
  c.starts_at = now;
  c.ends_at = now + 30 * day;
  return c;
}

// Goals, statuses and offer kinds are stored by these names (campaigns table)
// and sent to the console: an enumerator renamed without a migration fails here.
TEST(Campaign, StoredNamesStayAsMigrated) {
  EXPECT_STREQ(to_string(Goal::winback), "winback");
  EXPECT_STREQ(to_string(Goal::reward_best), "reward_best");
  EXPECT_STREQ(to_string(CampaignStatus::scheduled), "scheduled");
  EXPECT_STREQ(to_string(CampaignStatus::ended), "ended");
  EXPECT_STREQ(to_string(OfferKind::bonus_multiplier), "bonus_multiplier");
  EXPECT_STREQ(to_string(OfferKind::free_reward), "free_reward");
  EXPECT_EQ(parse_goal("cross_sell"), Goal::cross_sell);
  EXPECT_EQ(parse_offer_kind("percent_off"), OfferKind::percent_off);
  EXPECT_EQ(parse_goal("Cross_Sell"), std::nullopt);
}

TEST(Campaign, ValidationNamesTheField) {
  EXPECT_TRUE(validate(valid_campaign()).ok());
  auto c = valid_campaign();
  c.offer.multiplier_permille = 1000;
  EXPECT_EQ(validate(c).error().field, "offer.multiplier");
  c = valid_campaign();
  c.control_share_permille = 600;
  EXPECT_EQ(validate(c).error().field, "control_share");
  c = valid_campaign();
  c.audience.p_alive.min = 0.8;
  c.audience.p_alive.max = 0.2;
  EXPECT_EQ(validate(c).error().field, "audience.p_alive");
  c = valid_campaign();
  c.ends_at = c.starts_at;
  EXPECT_EQ(validate(c).error().field, "ends_at");
}

TEST(Campaign, StatusMovesForwardAndALiveCampaignKeepsItsMeasurement) {
  EXPECT_TRUE(can_move(CampaignStatus::draft, CampaignStatus::scheduled));
  EXPECT_TRUE(can_move(CampaignStatus::scheduled, CampaignStatus::live));
  EXPECT_TRUE(can_move(CampaignStatus::live, CampaignStatus::ended));
  EXPECT_FALSE(can_move(CampaignStatus::ended, CampaignStatus::live));
  EXPECT_FALSE(can_move(CampaignStatus::live, CampaignStatus::draft));
  const auto before = valid_campaign();
  auto after = before;
  after.name = "Coffee fans";
  after.ends_at += day;
  EXPECT_EQ(forbidden_live_change(before, after), std::nullopt);
  after.control_share_permille = 200;
  EXPECT_EQ(forbidden_live_change(before, after), std::optional<std::string>("control_share"));
  after = before;
  after.audience.tiers = {"gold"};
  EXPECT_EQ(forbidden_live_change(before, after), std::optional<std::string>("audience"));
}

TEST(ControlGroup, TheDrawIsDeterministicAndNearItsShare) {
  int control = 0;
  for (int i = 0; i < 20'000; ++i) {
    const auto id = "cus_" + std::to_string(i);
    const bool first = in_control_group("cmp_a", id, 100);
    EXPECT_EQ(first, in_control_group("cmp_a", id, 100));
    control += first ? 1 : 0;
  }
  EXPECT_NEAR(control / 20'000.0, 0.10, 0.01);
  EXPECT_FALSE(in_control_group("cmp_a", "cus_1", 0));
}

CustomerSignals coffee_regular() {
  CustomerSignals c;
  c.customer_id = "cus_1";
  c.p_alive = 0.8;
  c.expected_spend_minor = 3'000;
  c.categories = {{"coffee", 6, now - 64 * day}, {"tea", 1, now - 90 * day}};
  c.bought_skus = {"BEANS"};
  c.last_purchase_at = now - 64 * day;
  c.favorite_categories = {"pastries"};
  return c;
}

TEST(Candidates, ReasonsComeFromTheSignalsThatChoseThem) {
  auto campaign = valid_campaign();
  const std::vector<RuleSignal> rules = {{"BEANS", "Espresso Beans", "the Milk Frother", "equipment", "coffee", 2.5},
                                         {"BEANS", "Espresso Beans", "Sugar", "grocery", "coffee", 0.7}};
  const auto all = candidates_for(campaign, coffee_regular(), rules, {}, now);
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.front().category, "coffee");
  EXPECT_EQ(all.front().reasons.front(), "You often buy Coffee");
  EXPECT_EQ(all.front().reasons.at(1), "We miss you: your last visit was 64 days ago");
  const auto equipment = std::find_if(all.begin(), all.end(), [](const auto& c) { return c.category == "equipment"; });
  ASSERT_NE(equipment, all.end());
  EXPECT_EQ(equipment->reasons.front(), "Customers who buy Espresso Beans also buy the Milk Frother");
  EXPECT_TRUE(std::none_of(all.begin(), all.end(), [](const auto& c) { return c.category == "grocery"; }))
      << "a rule with lift below 1 is no reason";
  const auto pastries = std::find_if(all.begin(), all.end(), [](const auto& c) { return c.category == "pastries"; });
  ASSERT_NE(pastries, all.end());
  EXPECT_EQ(pastries->reasons.front(), "Pastries is one of your favourites");
}

TEST(Candidates, ATemplateCategoryKeepsOnlyItsOwnSignalsAndCrossSellPrefersNewCategories) {
  auto campaign = valid_campaign();
  campaign.offer.category = "tea";
  const auto tea = candidates_for(campaign, coffee_regular(), {}, {}, now);
  ASSERT_EQ(tea.size(), 1u);
  EXPECT_EQ(tea.front().reasons.front(), "You bought Tea before");
  campaign.offer.category.clear();
  campaign.goal = Goal::cross_sell;
  const auto cross = candidates_for(campaign, coffee_regular(), {}, {}, now);
  EXPECT_EQ(cross.front().category, "pastries");
}

TEST(Candidates, ABrandTheCustomerLikesSpeaksForTheCategoriesItSells) {
  auto customer = coffee_regular();
  customer.top_brands = {"Roastery"};
  const BrandCategories brands = {{"Roastery", "coffee"}, {"Roastery", "equipment"}, {"Leaf", "tea"}};
  const auto all = candidates_for(valid_campaign(), customer, {}, {}, now, brands);
  const auto equipment = std::find_if(all.begin(), all.end(), [](const auto& c) { return c.category == "equipment"; });
  ASSERT_NE(equipment, all.end());
  EXPECT_EQ(equipment->reasons, std::vector<std::string>{"You like Roastery"});
  const auto coffee = std::find_if(all.begin(), all.end(), [](const auto& c) { return c.category == "coffee"; });
  EXPECT_NE(std::find(coffee->reasons.begin(), coffee->reasons.end(), "You like Roastery"), coffee->reasons.end());
  const auto tea = std::find_if(all.begin(), all.end(), [](const auto& c) { return c.category == "tea"; });
  EXPECT_EQ(std::find(tea->reasons.begin(), tea->reasons.end(), "You like Leaf"), tea->reasons.end());
}

TEST(Audience, FiltersByEverySignal) {
  Audience a;
  EXPECT_TRUE(in_audience(a, coffee_regular()));
  a.categories_bought = {"coffee"};
  a.categories_not_bought = {"equipment"};
  a.p_alive.min = 0.5;
  EXPECT_TRUE(in_audience(a, coffee_regular()));
  a.categories_not_bought = {"tea"};
  EXPECT_FALSE(in_audience(a, coffee_regular()));
  Audience unknown_p;
  unknown_p.p_alive.max = 0.9;
  auto no_analysis = coffee_regular();
  no_analysis.p_alive.reset();
  EXPECT_FALSE(in_audience(unknown_p, no_analysis)) << "a range excludes customers the analysis has not scored";
}

TEST(Statistics, WilsonAndNewcombeMatchNewcombesPublishedExamples) {
  // Newcombe (1998), Statistics in Medicine 17: 857-872 and 873-890.
  const auto wilson = wilson_interval(81, 263);
  ASSERT_TRUE(wilson);
  EXPECT_NEAR(wilson->low, 0.2553, 5e-5);
  EXPECT_NEAR(wilson->high, 0.3662, 5e-5);
  const auto difference = newcombe_interval(56, 70, 48, 80);
  ASSERT_TRUE(difference);
  EXPECT_NEAR(difference->low, 0.0524, 5e-5);
  EXPECT_NEAR(difference->high, 0.3339, 5e-5);
  EXPECT_FALSE(wilson_interval(0, 0));
}

TEST(Statistics, WelchMatchesScipy) {
  Moments treatment, control;
  for (double x : {12.0, 0.0, 0.0, 35.5, 8.0, 0.0, 19.0}) treatment.add(x);
  for (double x : {0.0, 0.0, 7.5, 0.0, 3.0, 0.0, 0.0, 11.0, 0.0}) control.add(x);
  const auto interval = welch_interval(treatment, control);
  ASSERT_TRUE(interval);
  // scipy.stats.t.ppf(0.975, df) with Welch–Satterthwaite df = 6.9158.
  EXPECT_NEAR(interval->low, -3.9599841418740382, 1e-7);  // two quantile implementations
  EXPECT_NEAR(interval->high, 20.467920649810544, 1e-7);  // two quantile implementations
}

}  // namespace
}  // namespace patron::offers
