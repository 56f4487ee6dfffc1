// Pure pieces shared by the adapters: cursors, RocksDB keys, JSON records.
#include <gtest/gtest.h>

#include "storage/documents/json_codec.h"
#include "storage/documents/page_cursor.h"
#include "storage/documents/rocksdb_keys.h"

namespace patron::documents {
namespace {

TEST(PageCursor, RoundTripsAnyTiebreakBytes) {
  const PageCursor cursor{1'700'000'000'123, std::string("\x00\xff\x10id", 5)};
  auto decoded = decode_cursor(encode_cursor(cursor));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->time_ms, cursor.time_ms);
  EXPECT_EQ(decoded->tiebreak, cursor.tiebreak);
}

TEST(PageCursor, RejectsWhatItDidNotMake) {
  for (const char* text : {"", "abc", ".00", "12.0", "12.zz", "-5.00", "99999999999999999999.00", "12x.00"}) {
    auto decoded = decode_cursor(text);
    ASSERT_FALSE(decoded.ok()) << text;
    EXPECT_EQ(decoded.error().field, "cursor");
  }
}

TEST(RocksKeys, BigEndianSortsNumerically) {
  EXPECT_LT(rocks::event_time_key(255, 0), rocks::event_time_key(256, 0));
  EXPECT_LT(rocks::event_time_key(1'000, 7), rocks::event_time_key(1'000, 8));
  EXPECT_LT(rocks::event_time_key(-1, 0), rocks::event_time_key(0, 0));
  EXPECT_LT(rocks::event_key("c", 5, 99), rocks::event_key("c", 6, 0));
}

TEST(RocksKeys, OwnerPrefixesNeverOverlap) {
  const std::string abc = rocks::event_key("abc", 1, 1);
  EXPECT_FALSE(abc.starts_with(rocks::owner_prefix("ab")));
  EXPECT_TRUE(abc.starts_with(rocks::owner_prefix("abc")));
}

TEST(RocksKeys, TailsSplitBack) {
  const std::string key = rocks::feedback_index_key("sku-1", 1'234, "f-9");
  const auto tail = rocks::split_tail(key, rocks::owner_prefix("sku-1").size());
  ASSERT_TRUE(tail.has_value());
  EXPECT_EQ(tail->time_ms, 1'234);
  EXPECT_EQ(tail->tiebreak, "f-9");
  const auto event_tail = rocks::split_tail(rocks::event_key("c", 42, 77), 2);
  ASSERT_TRUE(event_tail.has_value());
  EXPECT_EQ(rocks::read_u64(event_tail->tiebreak), 77u);
  EXPECT_FALSE(rocks::split_tail("short", 0).has_value());
}

TEST(JsonCodec, EventRoundTrip) {
  Event event{"c-1", EventType::search, "", "dairy", "oat \"milk\"\\\t\x01\n\xc3\xa9", 1'700'000'000'000,
              1'700'000'000'500};
  auto back = event_from_json(event_to_json(event));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->customer_id, "c-1");
  EXPECT_EQ(back->type, EventType::search);
  EXPECT_EQ(back->category, "dairy");
  EXPECT_EQ(back->query, event.query);
  EXPECT_EQ(back->sku, "");
  EXPECT_EQ(back->occurred_at_ms, event.occurred_at_ms);
  EXPECT_EQ(back->received_at_ms, event.received_at_ms);
  EXPECT_EQ(event_from_json("{}").error().code, ErrorCode::internal);
  EXPECT_EQ(event_from_json("not json").error().code, ErrorCode::internal);
}

TEST(JsonCodec, FeedbackRoundTrip) {
  Feedback feedback{"f-1", "c-1", 2, "Caf\xc3\xa9 too cold", "SKU-9", "store-3", {"coffee", "temp"}, -0.42, 1'234};
  auto back = feedback_from_json(feedback_to_json(feedback));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->id, "f-1");
  EXPECT_EQ(back->rating, 2);
  EXPECT_EQ(back->text, feedback.text);
  EXPECT_EQ(back->product_sku, "SKU-9");
  EXPECT_EQ(back->store_id, "store-3");
  EXPECT_EQ(back->tags, feedback.tags);
  EXPECT_DOUBLE_EQ(back->sentiment, -0.42);
  EXPECT_EQ(back->created_at_ms, 1'234);
  EXPECT_FALSE(feedback_from_json(R"({"rating":"x"})").ok());
}

}  // namespace
}  // namespace patron::documents
