// One parser for every paged list's cursor: what a page issues reads back,
// anything else is a validation error on "cursor", never an exception.
#include <gtest/gtest.h>

#include "domain/page_cursor.h"

namespace patron {
namespace {

TEST(TimeCursor, TheEmptyCursorIsTheFirstPage) {
  const auto cursor = TimeCursor::parse("");
  ASSERT_TRUE(cursor.ok());
  EXPECT_EQ(cursor->before_at, INT64_MAX);
  EXPECT_EQ(cursor->before_id, "");
}

TEST(TimeCursor, WhatAPageIssuesReadsBack) {
  const auto cursor = TimeCursor::parse(TimeCursor::after(1764547200, "txn_01abc"));
  ASSERT_TRUE(cursor.ok());
  EXPECT_EQ(cursor->before_at, 1764547200);
  EXPECT_EQ(cursor->before_id, "txn_01abc");
}

TEST(TimeCursor, AnythingElseIsRefusedOnTheCursorField) {
  for (const char* text : {"abc", ":id", "12", "-5:id", "+5:id", "1x:id", "1:ID", "1:a b", "1:a'--",
                           "9999999999999999999:id", "1234567890123456789:id"}) {
    const auto cursor = TimeCursor::parse(text);
    ASSERT_FALSE(cursor.ok()) << text;
    EXPECT_EQ(cursor.error().code, ErrorCode::validation_failed) << text;
    EXPECT_EQ(cursor.error().field, "cursor") << text;
  }
  EXPECT_FALSE(TimeCursor::parse("1:" + std::string(TimeCursor::kMaxIdLength + 1, 'a')).ok());
  EXPECT_TRUE(TimeCursor::parse("1:" + std::string(TimeCursor::kMaxIdLength, 'a')).ok());
  EXPECT_TRUE(TimeCursor::parse("123456789012345678:id").ok());  // 18 digits, the most that always fit
}

TEST(SequenceCursor, DigitsOnlyAndBounded) {
  EXPECT_FALSE(SequenceCursor::parse("")->before.has_value());
  EXPECT_EQ(SequenceCursor::parse(SequenceCursor::after(42))->before, 42);
  for (const char* text : {"-1", "1.5", " 1", "1e3", "1234567890123456789", "x"}) {
    const auto cursor = SequenceCursor::parse(text);
    ASSERT_FALSE(cursor.ok()) << text;
    EXPECT_EQ(cursor.error().field, "cursor") << text;
  }
}

TEST(IdCursor, AnIdUpToItsBoundReadsBackAndLongerIsRefused) {
  EXPECT_EQ(IdCursor::parse("")->after_id, "");
  const std::string longest(IdCursor::kMaxIdLength, 'a');
  EXPECT_EQ(IdCursor::parse(longest)->after_id, longest);
  const auto too_long = IdCursor::parse(longest + "a");
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code, ErrorCode::validation_failed);
  EXPECT_EQ(too_long.error().field, "cursor");
}

}  // namespace
}  // namespace patron
