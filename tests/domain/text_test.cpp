#include "domain/text.h"

#include <gtest/gtest.h>

namespace patron {
namespace {

using Parts = std::vector<std::string>;

TEST(SplitNonempty, LeavesOutEmptyParts) {
  EXPECT_EQ(split_nonempty("/api/v1//me/", '/'), (Parts{"api", "v1", "me"}));
  EXPECT_EQ(split_nonempty("a,b,,c", ','), (Parts{"a", "b", "c"}));
}

TEST(SplitNonempty, NothingOrOnlyDelimitersGiveNoParts) {
  EXPECT_TRUE(split_nonempty("", '/').empty());
  EXPECT_TRUE(split_nonempty("///", '/').empty());
}

TEST(SplitNonempty, TextWithoutTheDelimiterIsOnePart) {
  EXPECT_EQ(split_nonempty("healthz", '/'), (Parts{"healthz"}));
}

}  // namespace
}  // namespace patron
