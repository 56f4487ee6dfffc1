#include <gtest/gtest.h>

#include "domain/rewards.h"
#include "domain/validation.h"

namespace patron {
namespace {

Reward coffee() {
  Reward reward;
  reward.id = "r1";
  reward.points_cost = 100;
  return reward;
}

TEST(Rewards, RedeemableWhenActiveInStockWithinLimitAndCovered) {
  EXPECT_TRUE(check_redeemable(coffee(), 1000, 100, 0).ok());
}

TEST(Rewards, ReportsTheFirstFailingCheck) {
  auto archived = coffee();
  archived.archived = true;
  EXPECT_EQ(check_redeemable(archived, 1000, 500, 0).error().code, ErrorCode::not_found);

  auto window = coffee();
  window.active_from = 2000;
  EXPECT_EQ(check_redeemable(window, 1999, 500, 0).error().code, ErrorCode::not_found);
  EXPECT_TRUE(check_redeemable(window, 2000, 500, 0).ok());
  window.active_to = 3000;
  EXPECT_EQ(check_redeemable(window, 3000, 500, 0).error().code, ErrorCode::not_found);

  auto sold_out = coffee();
  sold_out.stock = 0;
  EXPECT_EQ(check_redeemable(sold_out, 1000, 500, 0).error().code, ErrorCode::conflict);
  EXPECT_FALSE(reward_is_available(sold_out, 1000));

  auto limited = coffee();
  limited.per_customer_limit = 2;
  EXPECT_TRUE(check_redeemable(limited, 1000, 500, 1).ok());
  EXPECT_EQ(check_redeemable(limited, 1000, 500, 2).error().code, ErrorCode::conflict);

  EXPECT_EQ(check_redeemable(coffee(), 1000, 99, 0).error().code, ErrorCode::insufficient_points);
}

struct EmailCase {
  const char* email;
  bool valid;
};

class EmailValidation : public ::testing::TestWithParam<EmailCase> {};

TEST_P(EmailValidation, AcceptsOnlyPlausibleAddresses) {
  EXPECT_EQ(validate_email(GetParam().email).ok(), GetParam().valid) << GetParam().email;
}

INSTANTIATE_TEST_SUITE_P(Emails, EmailValidation,
                         ::testing::Values(EmailCase{"ann@example.com", true}, EmailCase{"a.b+c@shop.co.uk", true},
                                           EmailCase{"", false}, EmailCase{"ann", false},
                                           EmailCase{"@example.com", false}, EmailCase{"ann@example", false},
                                           EmailCase{"ann@@example.com", false},
                                           EmailCase{"ann@example.com.", false},
                                           EmailCase{"a b@example.com", false},
                                           EmailCase{"x'; DROP TABLE users;--@a.b", false}));

TEST(Validation, PasswordLengthBounds) {
  EXPECT_FALSE(validate_password("short").ok());
  EXPECT_TRUE(validate_password("12345678").ok());
  EXPECT_FALSE(validate_password(std::string(129, 'x')).ok());
  EXPECT_EQ(validate_password("short", "new_password").error().field, "new_password");
}

TEST(Validation, NamesAndKeys) {
  EXPECT_FALSE(validate_name("   ").ok());
  EXPECT_FALSE(validate_name(std::string(121, 'x')).ok());
  EXPECT_FALSE(validate_name("a\nb").ok());
  EXPECT_TRUE(validate_name("Ann Lee").ok());
  EXPECT_FALSE(validate_idempotency_key("").ok());
  EXPECT_FALSE(validate_idempotency_key(std::string(256, 'k')).ok());
  EXPECT_TRUE(validate_idempotency_key(std::string(255, 'k')).ok());
  EXPECT_EQ(normalize_email("  Ann@Example.COM "), "ann@example.com");
}

}  // namespace
}  // namespace patron
