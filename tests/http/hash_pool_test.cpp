// The password pool: jobs run off the caller's thread, and a full queue refuses
// at once instead of growing.
#include "http/hash_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace patron::http {
namespace {

TEST(HashPool, RunsJobsAndRefusesWhenTheQueueIsFull) {
  std::promise<void> release;
  auto released = release.get_future().share();
  std::promise<void> first_started;
  std::atomic<int> ran{0};
  {
    HashPool pool(1, 2);
    ASSERT_TRUE(pool.try_submit([&] {
      first_started.set_value();
      released.wait();
      ++ran;
    }));
    first_started.get_future().wait();  // the only thread is now busy
    EXPECT_TRUE(pool.try_submit([&] { ++ran; }));
    EXPECT_TRUE(pool.try_submit([&] { ++ran; }));
    EXPECT_FALSE(pool.try_submit([&] { ++ran; })) << "a third queued job exceeds the bound of two";
    EXPECT_EQ(pool.queued(), 2u);
    release.set_value();
    while (ran.load() < 3) std::this_thread::yield();
  }
  EXPECT_EQ(ran.load(), 3);
}

TEST(HashPool, HasAtLeastOneThread) { EXPECT_GE(default_password_threads(), 1u); }

}  // namespace
}  // namespace patron::http
