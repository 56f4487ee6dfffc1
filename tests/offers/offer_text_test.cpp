// What a member reads about an offer: its title and its description, with
// money written as the member portal writes it ("$15.00", not "15.00 USD").
#include <gtest/gtest.h>

#include "offers/redemption.h"

namespace patron::offers {
namespace {

OfferTemplate bonus_points(MinorUnits min_spend_minor) {
  OfferTemplate o;
  o.kind = OfferKind::bonus_points;
  o.points = 150;
  o.min_spend_minor = min_spend_minor;
  return o;
}

TEST(OfferText, DescriptionWritesTheMinimumSpendAsThePortalDoes) {
  EXPECT_EQ(offer_description(bonus_points(1500), "produce", "USD"),
            "Activate it, then shop for Produce before it ends, spending $15.00 or more.");
  EXPECT_EQ(offer_description(bonus_points(150000), "", "USD"),
            "Activate it, then shop before it ends, spending $1,500.00 or more.");
  EXPECT_EQ(offer_description(bonus_points(1005), "", "EUR"),
            "Activate it, then shop before it ends, spending €10.05 or more.");
  EXPECT_EQ(offer_description(bonus_points(1500), "", "JPY"),
            "Activate it, then shop before it ends, spending ¥1,500 or more.");
  EXPECT_EQ(offer_description(bonus_points(1500), "", "CHF"),
            "Activate it, then shop before it ends, spending CHF\u00a015.00 or more.");
}

TEST(OfferText, DescriptionWithoutMinimumSpendSaysNoAmount) {
  auto o = bonus_points(0);
  o.auto_apply = true;
  EXPECT_EQ(offer_description(o, "fresh_produce", "USD"), "Applies by itself for Fresh produce before it ends.");
}

TEST(OfferText, TitleNamesTheCategoryCapitalised) {
  EXPECT_EQ(offer_title(bonus_points(1500), "bakery"), "150 bonus points on Bakery");
}

}  // namespace
}  // namespace patron::offers
