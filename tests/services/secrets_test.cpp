#include "services/secrets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <set>
#include <thread>

namespace patron::services {
namespace {

bool is_base36(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }

TEST(NewId, IsThePrefixNineTimeDigitsAndTwelveRandomOnes) {
  const auto id = new_id("txn");
  ASSERT_EQ(id.size(), 4u + 9u + 12u) << id;
  EXPECT_EQ(id.substr(0, 4), "txn_");
  EXPECT_TRUE(std::all_of(id.begin() + 4, id.end(), is_base36)) << id;
}

TEST(NewId, IdsMadeLaterSortLater) {
  const auto first = new_id("led");
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  const auto second = new_id("led");
  EXPECT_LT(first, second);
  EXPECT_LT(first.substr(0, 13), second.substr(0, 13)) << "the time digits alone must order them";
}

TEST(NewId, ManyIdsInOneMillisecondAreStillDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 100'000; ++i) seen.insert(new_id("cus"));
  EXPECT_EQ(seen.size(), 100'000u);
}

TEST(NewId, RandomDigitsUseTheWholeAlphabetEvenly) {
  std::array<int, 36> counts{};
  constexpr int ids = 30'000;
  for (int i = 0; i < ids; ++i) {
    const auto id = new_id("x");
    for (std::size_t k = id.size() - 12; k < id.size(); ++k) {
      const char c = id[k];
      counts[c <= '9' ? c - '0' : 10 + c - 'a'] += 1;
    }
  }
  // 10,000 expected per character; a biased modulo (256 % 36 = 4) would put
  // the first four 12.5 % above the rest.
  for (int count : counts) {
    EXPECT_GT(count, 9'400);
    EXPECT_LT(count, 10'600);
  }
}

TEST(VoucherCode, AvoidsLookAlikeCharacters) {
  for (int i = 0; i < 1'000; ++i) {
    const auto code = voucher_code();
    ASSERT_EQ(code.size(), 15u) << code;
    EXPECT_EQ(code.substr(0, 4), "PTR-");
    EXPECT_EQ(code[9], '-');
    EXPECT_EQ(code.find_first_of("01IO"), std::string::npos) << code;
  }
}

}  // namespace
}  // namespace patron::services
