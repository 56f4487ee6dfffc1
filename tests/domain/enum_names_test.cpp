// An enum's name table must name every value once: a value left out would be
// stored under the fallback's name, which a switch's -Wswitch used to prevent.
#include "domain/enum_names.h"

#include <gtest/gtest.h>

namespace patron {
namespace {

enum class Colour { red, green, blue };

constexpr EnumName<Colour> kAll[] = {{Colour::red, "red"}, {Colour::green, "green"}, {Colour::blue, "blue"}};
constexpr EnumName<Colour> kMissingLast[] = {{Colour::red, "red"}, {Colour::green, "green"}};
constexpr EnumName<Colour> kTwice[] = {{Colour::red, "red"}, {Colour::red, "again"}, {Colour::blue, "blue"}};

static_assert(names_every_value(kAll));
static_assert(!names_every_value(kMissingLast));
static_assert(!names_every_value(kTwice));
static_assert(is_named_enumerator<Colour::blue>());
static_assert(!is_named_enumerator<static_cast<Colour>(3)>());

constexpr EnumNames kColours(kAll, Colour::red);

TEST(EnumNames, NamesAndParsesFromOneTable) {
  EXPECT_STREQ(kColours.name(Colour::green), "green");
  EXPECT_EQ(kColours.parse("blue"), Colour::blue);
  EXPECT_EQ(kColours.parse("purple"), std::nullopt);
  EXPECT_STREQ(kColours.name(static_cast<Colour>(9)), "red");  // a stray cast gets the fallback
}

}  // namespace
}  // namespace patron
