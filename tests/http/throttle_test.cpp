// The throttles' arithmetic: free failures, doubling delays with a cap,
// forgiveness over time, per-client and per-(account, client) keys, bounds.
#include "http/throttle.h"

#include <gtest/gtest.h>

#include <string>

namespace patron::http {
namespace {

constexpr BackoffPolicy policy{3, 1'000, 8'000, 60'000};

TEST(BackoffDelay, FreeFailuresThenDoublingUpToTheCap) {
  EXPECT_EQ(backoff_delay_ms(policy, 0), 0);
  EXPECT_EQ(backoff_delay_ms(policy, 2), 0);
  EXPECT_EQ(backoff_delay_ms(policy, 3), 1'000);
  EXPECT_EQ(backoff_delay_ms(policy, 4), 2'000);
  EXPECT_EQ(backoff_delay_ms(policy, 5), 4'000);
  EXPECT_EQ(backoff_delay_ms(policy, 6), 8'000);
  EXPECT_EQ(backoff_delay_ms(policy, 7), 8'000);
  EXPECT_EQ(backoff_delay_ms(policy, 1'000'000), 8'000) << "no overflow however many failures";
}

TEST(BackoffDelay, RetryAfterRoundsUp) {
  EXPECT_EQ(retry_after_seconds(1), 1);
  EXPECT_EQ(retry_after_seconds(1'000), 1);
  EXPECT_EQ(retry_after_seconds(1'001), 2);
  EXPECT_EQ(retry_after_seconds(0), 1) << "a 429 always says to wait at least a second";
}

TEST(FailureBackoff, WaitIsCountedFromTheLastFailure) {
  FailureBackoff backoff(policy, 100);
  for (int i = 0; i < 3; ++i) backoff.record_failure("k", 10'000);
  EXPECT_EQ(backoff.wait_ms("k", 10'000), 1'000);
  EXPECT_EQ(backoff.wait_ms("k", 10'400), 600);
  EXPECT_EQ(backoff.wait_ms("k", 11'000), 0);
  backoff.record_failure("k", 11'000);
  EXPECT_EQ(backoff.wait_ms("k", 11'000), 2'000) << "the delay grows with each failure";
  EXPECT_EQ(backoff.wait_ms("other", 11'000), 0) << "keys are independent";
}

TEST(FailureBackoff, FailuresAreForgivenOverTime) {
  FailureBackoff backoff(policy, 100);
  for (int i = 0; i < 5; ++i) backoff.record_failure("k", 0);
  EXPECT_EQ(backoff.failures("k", 59'999), 5);
  EXPECT_EQ(backoff.failures("k", 60'000), 4);
  EXPECT_EQ(backoff.failures("k", 180'000), 2);
  EXPECT_EQ(backoff.wait_ms("k", 180'000), 0) << "below the free allowance again";
  EXPECT_EQ(backoff.failures("k", 10 * 60'000), 0);
}

TEST(FailureBackoff, ForgiveOneAndForget) {
  FailureBackoff backoff(policy, 100);
  for (int i = 0; i < 3; ++i) backoff.record_failure("k", 0);
  backoff.forgive_one("k");
  EXPECT_EQ(backoff.failures("k", 0), 2);
  EXPECT_EQ(backoff.wait_ms("k", 0), 0);
  backoff.forget("k");
  EXPECT_EQ(backoff.size(), 0u);
}

TEST(FailureBackoff, StaysWithinItsBound) {
  FailureBackoff backoff(policy, 64);
  for (int i = 0; i < 10'000; ++i) backoff.record_failure("key" + std::to_string(i), i);
  EXPECT_LE(backoff.size(), 64u);
  EXPECT_EQ(backoff.failures("key9999", 10'000), 1) << "the newest keys are kept";
}

TEST(FailureBackoff, MakingRoomDropsForgivenKeysFirst) {
  FailureBackoff backoff(policy, 4);
  for (int i = 0; i < 3; ++i) backoff.record_failure("attacker", 0);
  backoff.record_failure("typo", 0);
  // An hour later the typo is forgiven; the attacker's failures still count... partly.
  for (int i = 0; i < 3; ++i) backoff.record_failure("attacker", 3'600'000 - 1);
  backoff.record_failure("new1", 3'600'000);
  backoff.record_failure("new2", 3'600'000);
  backoff.record_failure("new3", 3'600'000);
  EXPECT_LE(backoff.size(), 4u);
  EXPECT_GT(backoff.failures("attacker", 3'600'000), 0);
}

TEST(PasswordThrottle, AnotherClientIsNotSlowedByOnesFailures) {
  PasswordThrottle throttle;
  const int free = password_per_account_client.free_failures;
  for (int i = 0; i < free; ++i) EXPECT_EQ(throttle.admit("admin@shop", "10.0.0.1", 0), 0) << i;
  EXPECT_GT(throttle.admit("admin@shop", "10.0.0.1", 0), 0) << "the guessing client waits";
  EXPECT_EQ(throttle.admit("admin@shop", "10.0.0.2", 0), 0) << "the admin elsewhere does not";
}

TEST(PasswordThrottle, DelaysGrowAndSuccessResetsThePair) {
  PasswordThrottle throttle;
  const int free = password_per_account_client.free_failures;
  std::int64_t now = 0;
  for (int i = 0; i < free; ++i) ASSERT_EQ(throttle.admit("a", "c", now), 0);
  const auto first = throttle.admit("a", "c", now);
  EXPECT_EQ(first, password_per_account_client.first_delay_ms);
  now += first;
  ASSERT_EQ(throttle.admit("a", "c", now), 0);
  EXPECT_EQ(throttle.admit("a", "c", now), 2 * first);
  now += 2 * first;
  ASSERT_EQ(throttle.admit("a", "c", now), 0);
  throttle.record_success("a", "c");
  for (int i = 0; i < free; ++i) EXPECT_EQ(throttle.admit("a", "c", now), 0) << "a success starts afresh";
}

TEST(PasswordThrottle, OneClientFailingOnManyAccountsIsThrottled) {
  PasswordThrottle throttle;
  const int free = password_per_client.free_failures;
  for (int i = 0; i < free; ++i) ASSERT_EQ(throttle.admit("user" + std::to_string(i), "10.0.0.9", 0), 0);
  EXPECT_GT(throttle.admit("fresh-account", "10.0.0.9", 0), 0);
  EXPECT_EQ(throttle.admit("fresh-account", "10.0.0.10", 0), 0);
}

TEST(PasswordThrottle, ConcurrentGuessesCountBeforeTheyAreVerified) {
  PasswordThrottle throttle;
  int admitted = 0;
  for (int i = 0; i < 50; ++i) admitted += throttle.admit("a", "c", 0) == 0 ? 1 : 0;
  EXPECT_EQ(admitted, password_per_account_client.free_failures);
}

// `admit(client, now)` lets a client's first `per_client.free_failures`
// requests through at once, makes the next one wait the first delay, and does
// not slow another client.
template <class Admit>
void expect_burst_then_delay_per_client(const BackoffPolicy& per_client, Admit admit) {
  for (int i = 0; i < per_client.free_failures; ++i) ASSERT_EQ(admit("10.0.0.1", 0), 0) << i;
  EXPECT_EQ(admit("10.0.0.1", 0), per_client.first_delay_ms);
  EXPECT_EQ(admit("10.0.0.2", 0), 0);
}

TEST(SignupThrottle, ABurstThenDelaysPerClient) {
  SignupThrottle throttle;
  ASSERT_NO_FATAL_FAILURE(expect_burst_then_delay_per_client(
      signups_per_client, [&](const char* client, std::int64_t now) { return throttle.admit(client, now); }));
  // Sustained: one sign-up per forgiveness period is always admitted.
  std::int64_t now = 0;
  for (int i = 0; i < 10; ++i) {
    now += signups_per_client.forgive_one_ms + signups_per_client.first_delay_ms;
    EXPECT_EQ(throttle.admit("10.0.0.1", now), 0) << i;
  }
}

TEST(ResetThrottle, AnAddressGetsAFewMailsThenNoneUntilForgiven) {
  ResetThrottle throttle;
  const int free = resets_per_address.free_failures;
  for (int i = 0; i < free; ++i) ASSERT_TRUE(throttle.admit_address("a@example.test", 0)) << i;
  EXPECT_FALSE(throttle.admit_address("a@example.test", 0));
  EXPECT_TRUE(throttle.admit_address("b@example.test", 0)) << "addresses are counted apart";
  EXPECT_TRUE(
      throttle.admit_address("a@example.test", resets_per_address.forgive_one_ms + resets_per_address.first_delay_ms));
}

TEST(ResetThrottle, AClientGetsABurstThenWaits) {
  ResetThrottle throttle;
  ASSERT_NO_FATAL_FAILURE(expect_burst_then_delay_per_client(
      resets_per_client, [&](const char* client, std::int64_t now) { return throttle.admit_client(client, now); }));
}

}  // namespace
}  // namespace patron::http
