// ISO 4217 exponents, exchange-rate text and conversion to the base currency.
#include <gtest/gtest.h>

#include <limits>

#include "domain/money.h"

namespace patron {
namespace {

TEST(Currency, ExponentsFollowIso4217) {
  EXPECT_EQ(minor_unit_exponent("USD"), 2);
  EXPECT_EQ(minor_unit_exponent("EUR"), 2);
  EXPECT_EQ(minor_unit_exponent("JPY"), 0);
  EXPECT_EQ(minor_unit_exponent("KWD"), 3);
  EXPECT_EQ(minor_unit_exponent("BHD"), 3);
  EXPECT_EQ(minor_unit_exponent("CLF"), 4);
  EXPECT_EQ(minor_unit_exponent("ISK"), 0);
  EXPECT_FALSE(minor_unit_exponent("ABC"));
  EXPECT_FALSE(is_valid_currency_code("usd"));
  EXPECT_FALSE(is_valid_currency_code("XXXX"));
  EXPECT_TRUE(is_valid_currency_code("GBP"));
  EXPECT_EQ(minor_units_per_major("KWD"), 1000);
  EXPECT_EQ(minor_units_per_major("JPY"), 1);
}

TEST(Rates, ParseAndFormatExactly) {
  EXPECT_EQ(*parse_rate("1.08", "rate"), 1'080'000'000);
  EXPECT_EQ(*parse_rate("0.000000001", "rate"), 1);
  EXPECT_EQ(*parse_rate("250", "rate"), 250'000'000'000);
  EXPECT_EQ(*parse_rate("1000000", "rate"), max_rate_nano);
  EXPECT_EQ(format_rate(1'080'000'000), "1.08");
  EXPECT_EQ(format_rate(6'700'000), "0.0067");
  EXPECT_EQ(format_rate(250'000'000'000), "250");
  for (const char* bad : {"", "0", "0.0", "-1", "1.", ".5", "1e3", "1.0000000001", "1000000.1", "abc", "1,5"}) {
    EXPECT_FALSE(parse_rate(bad, "rate").ok()) << bad;
  }
}

TEST(Conversion, TheSameValueInThreeCurrenciesIsTheSameBaseAmount) {
  // 100.00 USD = 10000 JPY at 0.01 = 40.000 KWD at 2.5.
  EXPECT_EQ(*convert_minor(10'000, "JPY", *parse_rate("0.01", "r"), "USD"), 10'000);
  EXPECT_EQ(*convert_minor(40'000, "KWD", *parse_rate("2.5", "r"), "USD"), 10'000);
  EXPECT_EQ(*convert_minor(10'000, "USD", *parse_rate("1", "r"), "USD"), 10'000);
  // Into a zero-decimal base: 1.00 USD at 150 JPY per USD.
  EXPECT_EQ(*convert_minor(100, "USD", *parse_rate("150", "r"), "JPY"), 150);
}

TEST(Conversion, RoundsHalfAwayFromZeroAndRefusesWhatDoesNotFit) {
  EXPECT_EQ(*convert_minor(1, "JPY", *parse_rate("0.005", "r"), "USD"), 1);   // 0.5 cent
  EXPECT_EQ(*convert_minor(1, "JPY", *parse_rate("0.0049", "r"), "USD"), 0);  // 0.49 cent
  auto huge = convert_minor(100'000'000'000, "KWD", max_rate_nano, "JPY");
  EXPECT_TRUE(huge.ok());
  auto too_big = convert_minor(std::numeric_limits<MinorUnits>::max(), "JPY", max_rate_nano, "KWD");
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.error().code, ErrorCode::limit_exceeded);
}

}  // namespace
}  // namespace patron
