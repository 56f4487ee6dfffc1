#include "storage/documents/validation.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace patron::documents {
namespace {

Event valid_event() {
  Event event;
  event.customer_id = "c-1";
  event.type = EventType::view;
  event.sku = "SKU-1";
  event.occurred_at_ms = 1'700'000'000'000;
  return event;
}

Feedback valid_feedback() {
  Feedback feedback;
  feedback.customer_id = "c-1";
  feedback.rating = 4;
  feedback.text = "Great bread";
  feedback.tags = {"bakery"};
  feedback.sentiment = 0.6;
  return feedback;
}

// A case is a row: how to spoil a valid input, and the answer expected.
struct EventCase {
  const char* name;
  void (*spoil)(Event&);
  const char* field;  // nullptr: accepted
};

TEST(ValidateEvent, TableOfCases) {
  const EventCase cases[] = {
      {"valid", [](Event&) {}, nullptr},
      {"no customer", [](Event& e) { e.customer_id.clear(); }, "customer_id"},
      {"long customer", [](Event& e) { e.customer_id.assign(kMaxIdBytes + 1, 'c'); }, "customer_id"},
      {"max customer", [](Event& e) { e.customer_id.assign(kMaxIdBytes, 'c'); }, nullptr},
      {"unknown type", [](Event& e) { e.type = static_cast<EventType>(42); }, "type"},
      {"long query", [](Event& e) { e.query.assign(kMaxSearchQueryBytes + 1, 'q'); }, "query"},
      {"long category", [](Event& e) { e.category.assign(kMaxCategoryBytes + 1, 'k'); }, "category"},
      {"bad utf-8 sku", [](Event& e) { e.sku = "\xff\xfe"; }, "sku"},
      {"negative time", [](Event& e) { e.occurred_at_ms = -1; }, "occurred_at"},
      {"time in 2200", [](Event& e) { e.occurred_at_ms = kMaxTimestampMs; }, "occurred_at"},
      {"epoch", [](Event& e) { e.occurred_at_ms = 0; }, nullptr},
      {"bad received", [](Event& e) { e.received_at_ms = -5; }, "received_at"},
  };
  for (const auto& row : cases) {
    Event event = valid_event();
    row.spoil(event);
    const Status status = validate_event(event, "");
    if (row.field == nullptr) {
      EXPECT_TRUE(status.ok()) << row.name;
    } else {
      ASSERT_FALSE(status.ok()) << row.name;
      EXPECT_EQ(status.error().code, ErrorCode::validation_failed) << row.name;
      EXPECT_EQ(status.error().field, row.field) << row.name;
    }
  }
}

TEST(ValidateEventBatch, BoundsAndReportsTheOffendingIndex) {
  std::vector<Event> events(kMaxEventsPerBatch, valid_event());
  EXPECT_TRUE(validate_event_batch(events).ok());
  events.push_back(valid_event());
  EXPECT_EQ(validate_event_batch(events).error().field, "events");
  EXPECT_EQ(validate_event_batch({}).error().field, "events");
  std::vector<Event> three(3, valid_event());
  three[2].customer_id.clear();
  EXPECT_EQ(validate_event_batch(three).error().field, "events[2].customer_id");
}

TEST(ParseEventType, KnowsTheSixContractTypesOnly) {
  for (const char* name : {"view", "search", "add_to_cart", "remove_from_cart", "wishlist", "click_offer"}) {
    const auto type = parse_event_type(name);
    ASSERT_TRUE(type.has_value()) << name;
    EXPECT_STREQ(to_string(*type), name);
  }
  EXPECT_FALSE(parse_event_type("purchase").has_value());
  EXPECT_FALSE(parse_event_type("VIEW").has_value());
  EXPECT_FALSE(parse_event_type("").has_value());
}

struct FeedbackCase {
  const char* name;
  void (*spoil)(Feedback&);
  const char* field;
};

TEST(ValidateFeedback, TableOfCases) {
  const FeedbackCase cases[] = {
      {"valid", [](Feedback&) {}, nullptr},
      {"rating 0", [](Feedback& f) { f.rating = 0; }, "rating"},
      {"rating 6", [](Feedback& f) { f.rating = 6; }, "rating"},
      {"rating 1", [](Feedback& f) { f.rating = 1; }, nullptr},
      {"rating 5", [](Feedback& f) { f.rating = 5; }, nullptr},
      {"no customer", [](Feedback& f) { f.customer_id.clear(); }, "customer_id"},
      {"4000 chars", [](Feedback& f) { f.text.assign(kMaxFeedbackTextChars, 'a'); }, nullptr},
      {"4001 chars", [](Feedback& f) { f.text.assign(kMaxFeedbackTextChars + 1, 'a'); }, "text"},
      // 4000 two-byte characters are 8000 bytes but still 4000 characters.
      {"4000 accented", [](Feedback& f) {
         f.text.clear();
         for (std::size_t i = 0; i < kMaxFeedbackTextChars; ++i) f.text += "\xc3\xa9";
       }, nullptr},
      {"bad utf-8 text", [](Feedback& f) { f.text = "caf\xc3"; }, "text"},
      {"empty tag", [](Feedback& f) { f.tags = {""}; }, "tags[0]"},
      {"too many tags", [](Feedback& f) { f.tags.assign(kMaxFeedbackTags + 1, "t"); }, "tags"},
      {"long tag", [](Feedback& f) { f.tags = {"ok", std::string(kMaxTagChars + 1, 't')}; }, "tags[1]"},
      {"sentiment > 1", [](Feedback& f) { f.sentiment = 1.5; }, "sentiment"},
      {"sentiment NaN", [](Feedback& f) { f.sentiment = std::nan(""); }, "sentiment"},
      {"long sku", [](Feedback& f) { f.product_sku.assign(kMaxIdBytes + 1, 's'); }, "product_sku"},
  };
  for (const auto& row : cases) {
    Feedback feedback = valid_feedback();
    row.spoil(feedback);
    const Status status = validate_feedback(feedback);
    if (row.field == nullptr) {
      EXPECT_TRUE(status.ok()) << row.name;
    } else {
      ASSERT_FALSE(status.ok()) << row.name;
      EXPECT_EQ(status.error().field, row.field) << row.name;
    }
  }
}

TEST(ValidatePreferences, ObjectsUpTo32KiB) {
  EXPECT_TRUE(validate_preferences(R"({"favorite_categories":["bakery"],"x":1})").ok());
  EXPECT_TRUE(validate_preferences("{}").ok());
  EXPECT_EQ(validate_preferences("[1,2]").error().code, ErrorCode::validation_failed);
  EXPECT_EQ(validate_preferences("{\"a\":").error().code, ErrorCode::validation_failed);
  EXPECT_EQ(validate_preferences("").error().code, ErrorCode::validation_failed);
  const std::string padding(kMaxPreferencesBytes - 8, 'x');
  const std::string at_limit = "{\"a\":\"" + padding + "\"}";
  ASSERT_EQ(at_limit.size(), kMaxPreferencesBytes);
  EXPECT_TRUE(validate_preferences(at_limit).ok());
  const std::string over = "{\"a\":\"" + padding + "x\"}";
  EXPECT_EQ(validate_preferences(over).error().code, ErrorCode::payload_too_large);
}

TEST(ValidatePage, LimitFromOneToMax) {
  EXPECT_FALSE(validate_page({0, {}}, kMaxPageLimit).ok());
  EXPECT_TRUE(validate_page({1, {}}, kMaxPageLimit).ok());
  EXPECT_TRUE(validate_page({kMaxPageLimit, {}}, kMaxPageLimit).ok());
  EXPECT_EQ(validate_page({kMaxPageLimit + 1, {}}, kMaxPageLimit).error().field, "limit");
}

TEST(Utf8CodePoints, CountsAndRejects) {
  EXPECT_EQ(utf8_code_points("abc"), 3u);
  EXPECT_EQ(utf8_code_points("caf\xc3\xa9"), 4u);
  EXPECT_EQ(utf8_code_points("\xf0\x9f\x98\x80"), 1u);       // an emoji
  EXPECT_FALSE(utf8_code_points("\xc0\xaf").has_value());      // overlong '/'
  EXPECT_FALSE(utf8_code_points("\xed\xa0\x80").has_value());  // a UTF-16 surrogate
  EXPECT_FALSE(utf8_code_points("\xe2\x82").has_value());      // truncated
}

}  // namespace
}  // namespace patron::documents
