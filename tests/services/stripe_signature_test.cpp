#include "services/stripe_signature.h"

#include <gtest/gtest.h>

namespace patron::services {
namespace {

// Made by the stripe npm package: stripe.webhooks.generateTestHeaderString(
//   {payload, secret: "whsec_test_secret", timestamp: 1700000000}).
constexpr std::string_view payload = R"({"id":"evt_test","object":"event"})";
constexpr std::string_view secret = "whsec_test_secret";
constexpr std::int64_t signed_at = 1'700'000'000;
constexpr std::string_view good_v1 = "8042376f6ca064adbe037642a718227dfd59047137eb49497a54c49eb0cfb724";

std::string header_with(std::string_view v1, std::int64_t t = signed_at) {
  return "t=" + std::to_string(t) + ",v1=" + std::string(v1);
}

TEST(StripeSignature, HmacMatchesStripesOwnLibrary) {
  EXPECT_EQ(hmac_sha256_hex(secret, "1700000000." + std::string(payload)), good_v1);
}

TEST(StripeSignature, AcceptsAHeaderMadeByStripesLibrary) {
  EXPECT_TRUE(verify_stripe_signature(header_with(good_v1), payload, secret, signed_at + 10).ok());
}

TEST(StripeSignature, AcceptsWhenAnyV1MatchesAndIgnoresV0) {
  const auto header = "t=1700000000,v0=deadbeef,v1=" + std::string(64, 'a') + ",v1=" + std::string(good_v1);
  EXPECT_TRUE(verify_stripe_signature(header, payload, secret, signed_at).ok());
}

TEST(StripeSignature, RefusesATamperedPayload) {
  auto result = verify_stripe_signature(header_with(good_v1), R"({"id":"evt_test","object":"evenT"})", secret,
                                        signed_at);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::validation_failed);
  EXPECT_EQ(result.error().field, "Stripe-Signature");
}

TEST(StripeSignature, RefusesAnotherSecret) {
  EXPECT_FALSE(verify_stripe_signature(header_with(good_v1), payload, "whsec_other", signed_at).ok());
}

TEST(StripeSignature, RefusesAChangedTimestampWithTheOldSignature) {
  EXPECT_FALSE(verify_stripe_signature(header_with(good_v1, signed_at + 1), payload, secret, signed_at).ok());
}

TEST(StripeSignature, ToleranceIsThreeHundredSecondsEitherWay) {
  const auto header = header_with(good_v1);
  EXPECT_TRUE(verify_stripe_signature(header, payload, secret, signed_at + 300).ok());
  EXPECT_FALSE(verify_stripe_signature(header, payload, secret, signed_at + 301).ok());
  EXPECT_TRUE(verify_stripe_signature(header, payload, secret, signed_at - 300).ok());
  EXPECT_FALSE(verify_stripe_signature(header, payload, secret, signed_at - 301).ok());
}

TEST(StripeSignature, RefusesMissingOrMalformedHeaders) {
  for (const std::string& header :
       {std::string(), std::string("v1=") + std::string(good_v1), std::string("t=1700000000"),
        std::string("t=17x,v1=") + std::string(good_v1), std::string("t=,v1=") + std::string(good_v1),
        std::string("t=1700000000,v0=") + std::string(good_v1), std::string("garbage"),
        header_with(std::string(good_v1).substr(1)), header_with(std::string(63, 'A') + "4")}) {
    EXPECT_FALSE(verify_stripe_signature(header, payload, secret, signed_at).ok()) << header;
  }
}

TEST(StripeSignature, RefusesUpperCaseHexAsStripeSendsLowerCase) {
  std::string upper(good_v1);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_FALSE(verify_stripe_signature(header_with(upper), payload, secret, signed_at).ok());
}

TEST(StripeSignature, RefusesEverythingWithoutASecret) {
  EXPECT_FALSE(verify_stripe_signature(header_with(good_v1), payload, "", signed_at).ok());
}

TEST(StripeSignature, BoundsTheHeader) {
  std::string many = "t=1700000000";
  for (int i = 0; i < max_stripe_signatures; ++i) many += ",v1=" + std::string(64, 'b');
  many += ",v1=" + std::string(good_v1);
  EXPECT_FALSE(verify_stripe_signature(many, payload, secret, signed_at).ok());
  EXPECT_FALSE(
      verify_stripe_signature(header_with(good_v1) + std::string(max_stripe_signature_header_bytes, ' '), payload,
                              secret, signed_at)
          .ok());
}

}  // namespace
}  // namespace patron::services
