// The server's caches of API keys and account statuses: entries expire, the
// map stays within its bound, and a load that raced with a forget is dropped.
#include "http/expiring_map.h"

#include <gtest/gtest.h>

#include <thread>

namespace patron::http {
namespace {

using namespace std::chrono_literals;

TEST(ExpiringMap, FindsWhatWasStoredUntilItExpires) {
  ExpiringMap<int> map(50ms, 10);
  map.store("a", 1, map.generation());
  EXPECT_EQ(map.find("a"), 1);
  EXPECT_EQ(map.find("b"), std::nullopt);
  std::this_thread::sleep_for(60ms);
  EXPECT_EQ(map.find("a"), std::nullopt);
}

TEST(ExpiringMap, ALoadThatRacedWithAForgetIsNotStored) {
  ExpiringMap<bool> map(1min, 10);
  const auto before_load = map.generation();
  map.forget("customer");  // an erasure commits while the status is being read
  map.store("customer", true, before_load);
  EXPECT_EQ(map.find("customer"), std::nullopt);
  map.store("customer", false, map.generation());
  EXPECT_EQ(map.find("customer"), false);
}

TEST(ExpiringMap, ClearingForgetsEverythingAndStaleLoads) {
  ExpiringMap<int> map(1min, 10);
  const auto before_load = map.generation();
  map.store("a", 1, before_load);
  map.clear();
  EXPECT_EQ(map.find("a"), std::nullopt);
  map.store("b", 2, before_load);
  EXPECT_EQ(map.find("b"), std::nullopt);
}

TEST(ExpiringMap, NeverHoldsMoreThanItsBound) {
  ExpiringMap<int> map(1min, 3);
  for (int i = 0; i < 3; ++i) map.store("k" + std::to_string(i), i, map.generation());
  map.store("k3", 3, map.generation());  // full: the old entries go, the new one stays
  EXPECT_EQ(map.find("k0"), std::nullopt);
  EXPECT_EQ(map.find("k3"), 3);
}

}  // namespace
}  // namespace patron::http
