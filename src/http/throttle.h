#pragma once
// Throttles for guessing passwords and flooding sign-ups. They slow a client
// down with growing delays instead of locking an account: a lock that anyone
// can trigger from anywhere is a denial of service against that account (the
// admin's included), so failures count per (account, client address) and per
// client address, and the right password from another client always works.
//
// In memory, per process: a restart forgets, which is acceptable for a
// throttle (not a lockout record). Every table is bounded.
//
// The client address is the TCP peer's (X-Forwarded-For is not trusted): behind
// a reverse proxy every client has the proxy's address and shares its limits.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace patron::http {

// How a key's failures turn into a delay, and how they are forgiven.
struct BackoffPolicy {
  int free_failures = 0;             // failures allowed before any delay
  std::int64_t first_delay_ms = 0;   // after the first failure beyond them; doubled for each further one
  std::int64_t max_delay_ms = 0;     // the cap on that delay
  std::int64_t forgive_one_ms = 0;   // one failure is forgotten per this much time
};

// The delay owed after `failures` failures: 0 up to the free allowance, then
// first_delay_ms doubling up to max_delay_ms.
std::int64_t backoff_delay_ms(const BackoffPolicy& policy, int failures);

// Failures per key with their backoff. Not thread-safe; times are milliseconds
// on any monotonic clock.
class FailureBackoff {
 public:
  FailureBackoff(BackoffPolicy policy, std::size_t max_keys) : policy_(policy), max_keys_(max_keys) {}

  // Milliseconds until `key` may try again; 0 when it may now.
  std::int64_t wait_ms(const std::string& key, std::int64_t now_ms);
  void record_failure(const std::string& key, std::int64_t now_ms);
  // Takes back one failure (an attempt counted in advance that succeeded).
  void forgive_one(const std::string& key);
  void forget(const std::string& key);
  std::size_t size() const { return entries_.size(); }
  int failures(const std::string& key, std::int64_t now_ms);

 private:
  struct Entry {
    int failures = 0;
    std::int64_t last_failure_ms = 0;
    std::int64_t decayed_until_ms = 0;  // forgiveness has been applied up to here
  };
  void decay(Entry& entry, std::int64_t now_ms) const;
  void make_room(std::int64_t now_ms);

  BackoffPolicy policy_;
  std::size_t max_keys_;
  std::unordered_map<std::string, Entry> entries_;
};

// Passwords: five free failures per (account, client), then 1 s doubling to
// 5 min; twenty per client across all accounts (credential stuffing), then the
// same. Typos are forgiven over time so people sharing an address are not
// punished for each other's for long.
inline constexpr BackoffPolicy password_per_account_client{5, 1'000, 5 * 60'000, 5 * 60'000};
inline constexpr BackoffPolicy password_per_client{20, 1'000, 5 * 60'000, 30'000};
// Sign-ups per client: a burst of twenty (a family, a shop's kiosk), then 5 s
// doubling to 10 min; one is forgiven every two minutes (30 an hour sustained).
inline constexpr BackoffPolicy signups_per_client{20, 5'000, 10 * 60'000, 2 * 60'000};
// Password reset e-mails (issue 16). Per address: three, then one after 1 min
// doubling to 1 h, one forgiven every 20 min; beyond that the request is
// answered as usual but no mail goes out (nobody can flood a mailbox, and the
// answer still tells nothing about the address). Per client: ten, then 10 s
// doubling to 10 min, one forgiven a minute: a 429 with Retry-After.
inline constexpr BackoffPolicy resets_per_address{3, 60'000, 60 * 60'000, 20 * 60'000};
inline constexpr BackoffPolicy resets_per_client{10, 10'000, 10 * 60'000, 60'000};
// Per table. At worst (300-byte IPv6 + longest-email keys) about 40 MB for the
// (account, client) table and 10 MB for each per-client one.
inline constexpr std::size_t max_tracked_keys = 100'000;

// Milliseconds on the steady clock, the throttles' time.
std::int64_t throttle_clock_ms();
// Retry-After seconds for a wait: rounded up, so a client that waits as told is admitted.
std::int64_t retry_after_seconds(std::int64_t wait_ms);

// Password attempts: logins and password changes. An admitted attempt counts
// as a failure at once and is taken back on success, so a burst of concurrent
// guesses is throttled as surely as a sequence.
class PasswordThrottle {
 public:
  // Milliseconds to wait, or 0 when the attempt may proceed (and is counted).
  std::int64_t admit(const std::string& account, const std::string& address, std::int64_t now_ms);
  void record_success(const std::string& account, const std::string& address);

 private:
  static std::string pair_key(const std::string& account, const std::string& address) {
    return address + '\n' + account;
  }

  std::mutex mutex_;
  FailureBackoff per_pair_{password_per_account_client, max_tracked_keys};
  FailureBackoff per_client_{password_per_client, max_tracked_keys};
};

// Sign-ups per client address.
class SignupThrottle {
 public:
  // Milliseconds to wait, or 0 when the sign-up may proceed (and is counted).
  std::int64_t admit(const std::string& address, std::int64_t now_ms);

 private:
  std::mutex mutex_;
  FailureBackoff per_client_{signups_per_client, max_tracked_keys};
};

// Password reset requests and confirmations.
class ResetThrottle {
 public:
  // Milliseconds the client must wait, or 0 when the request may proceed (and is counted).
  std::int64_t admit_client(const std::string& address, std::int64_t now_ms);
  // Whether a mail may go to this (normalized) address now; counts it when so.
  bool admit_address(const std::string& email, std::int64_t now_ms);

 private:
  std::mutex mutex_;
  FailureBackoff per_client_{resets_per_client, max_tracked_keys};
  FailureBackoff per_address_{resets_per_address, max_tracked_keys};
};

}  // namespace patron::http
