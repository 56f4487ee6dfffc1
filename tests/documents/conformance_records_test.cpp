// The document store's conformance suite, continued: preferences, feedback,
// erasure and reopening, on every adapter (conformance_fixture.h; the suite is
// instantiated in conformance_test.cpp).
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "conformance_fixture.h"

namespace patron::documents::conformance {
namespace {

TEST_P(DocumentStoreConformance, PreferencesPutGetReplace) {
  auto none = store_->get_preferences("alice");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  const std::string first = R"({"favorite_categories":["bakery","dairy"],"channels":{"email":true},"budget":12.5})";
  ASSERT_TRUE(store_->put_preferences("alice", first).ok());
  auto got = store_->get_preferences("alice");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ(nlohmann::json::parse(*got.value()), nlohmann::json::parse(first));  // same document, any spelling
  ASSERT_TRUE(store_->put_preferences("alice", R"({"dietary":["vegan"]})").ok());
  EXPECT_EQ(nlohmann::json::parse(*store_->get_preferences("alice").value()),
            nlohmann::json::parse(R"({"dietary":["vegan"]})"));
  EXPECT_FALSE(store_->get_preferences("bob").value().has_value());
}

TEST_P(DocumentStoreConformance, PreferencesMustBeASmallObject) {
  EXPECT_EQ(store_->put_preferences("alice", "[1]").error().code, ErrorCode::validation_failed);
  EXPECT_EQ(store_->put_preferences("alice", "{").error().code, ErrorCode::validation_failed);
  const std::string big = "{\"a\":\"" + std::string(kMaxPreferencesBytes, 'x') + "\"}";
  EXPECT_EQ(store_->put_preferences("alice", big).error().code, ErrorCode::payload_too_large);
  EXPECT_FALSE(store_->get_preferences("alice").value().has_value());
}

TEST_P(DocumentStoreConformance, FeedbackRoundTripsAndGetsAnId) {
  Feedback feedback = make_feedback("alice", kDay0Ms);
  feedback.text = "Caf\xc3\xa9 au lait was cold";
  feedback.tags = {"coffee", "temperature"};
  feedback.sentiment = -0.25;
  feedback.rating = 2;
  const std::string id = add(feedback);
  EXPECT_FALSE(id.empty());
  auto page = store_->feedback_by_customer("alice", {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  const Feedback& stored = page->items[0];
  EXPECT_EQ(stored.id, id);
  EXPECT_EQ(stored.customer_id, "alice");
  EXPECT_EQ(stored.rating, 2);
  EXPECT_EQ(stored.text, feedback.text);
  EXPECT_EQ(stored.product_sku, "SKU-1");
  EXPECT_EQ(stored.store_id, "store-1");
  EXPECT_EQ(stored.tags, feedback.tags);
  EXPECT_DOUBLE_EQ(stored.sentiment, -0.25);
  EXPECT_EQ(stored.created_at_ms, kDay0Ms);
  EXPECT_FALSE(page->next_cursor.has_value());
}

TEST_P(DocumentStoreConformance, FeedbackIdsAreUniqueAndACallersIdIsKept) {
  Feedback feedback = make_feedback("alice", kDay0Ms);
  feedback.id = "fb-given";
  EXPECT_EQ(add(feedback), "fb-given");
  auto again = store_->add_feedback(feedback);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  feedback.id.clear();
  EXPECT_NE(add(feedback), add(feedback));
  Feedback stamped = make_feedback("alice", 0);
  add(stamped);
  EXPECT_GT(store_->feedback_by_customer("alice", {1, {}})->items.at(0).created_at_ms, kDay0Ms);  // now
}

TEST_P(DocumentStoreConformance, InvalidFeedbackIsRefused) {
  Feedback feedback = make_feedback("alice", kDay0Ms);
  feedback.rating = 6;
  EXPECT_EQ(store_->add_feedback(feedback).error().field, "rating");
  feedback.rating = 5;
  feedback.text.assign(kMaxFeedbackTextChars + 1, 'x');
  EXPECT_EQ(store_->add_feedback(feedback).error().field, "text");
  EXPECT_TRUE(store_->feedback_by_customer("alice", {})->items.empty());
}

TEST_P(DocumentStoreConformance, FeedbackListsByCustomerProductAndTimeNewestFirst) {
  add(make_feedback("alice", 100, "SKU-A"));
  add(make_feedback("bob", 200, "SKU-A"));
  add(make_feedback("alice", 300, "SKU-B"));
  Feedback no_product = make_feedback("carol", 400, "");
  add(no_product);
  auto alice = store_->feedback_by_customer("alice", {});
  ASSERT_TRUE(alice.ok());
  ASSERT_EQ(alice->items.size(), 2u);
  EXPECT_EQ(alice->items[0].created_at_ms, 300);
  EXPECT_EQ(alice->items[1].created_at_ms, 100);
  auto sku_a = store_->feedback_by_product("SKU-A", {});
  ASSERT_TRUE(sku_a.ok());
  ASSERT_EQ(sku_a->items.size(), 2u);
  EXPECT_EQ(sku_a->items[0].customer_id, "bob");
  EXPECT_EQ(sku_a->items[1].customer_id, "alice");
  EXPECT_TRUE(store_->feedback_by_product("SKU-Z", {})->items.empty());
  EXPECT_EQ(store_->feedback_by_product("", {}).error().field, "product_sku");
  auto window = store_->feedback_between({200, 400}, {});
  ASSERT_TRUE(window.ok());
  ASSERT_EQ(window->items.size(), 2u);  // 200 and 300; 400 is outside [200, 400)
  EXPECT_EQ(window->items[0].created_at_ms, 300);
  EXPECT_EQ(window->items[1].created_at_ms, 200);
  EXPECT_EQ(store_->feedback_between(TimeRange::all(), {})->items.size(), 4u);
}

TEST_P(DocumentStoreConformance, FeedbackPagesWalkEveryItemOnce) {
  std::set<std::string> ids;
  for (int i = 0; i < 7; ++i) ids.insert(add(make_feedback("alice", kDay0Ms + (i % 3))));  // ties on purpose
  for (auto list : {0, 1, 2}) {
    std::set<std::string> seen;
    std::vector<std::size_t> sizes;
    std::int64_t previous_ms = kMaxTimestampMs;
    PageRequest page{3, {}};
    for (int pages = 0; pages < 10; ++pages) {
      auto result = list == 0   ? store_->feedback_by_customer("alice", page)
                    : list == 1 ? store_->feedback_by_product("SKU-1", page)
                                : store_->feedback_between(TimeRange::all(), page);
      ASSERT_TRUE(result.ok()) << result.error().message;
      sizes.push_back(result->items.size());
      for (const auto& item : result->items) {
        EXPECT_TRUE(seen.insert(item.id).second) << "seen twice: " << item.id;
        EXPECT_LE(item.created_at_ms, previous_ms);
        previous_ms = item.created_at_ms;
      }
      if (!result->next_cursor) break;
      page.cursor = *result->next_cursor;
    }
    EXPECT_EQ(seen, ids) << "list " << list;
    EXPECT_EQ(sizes, (std::vector<std::size_t>{3, 3, 1})) << "list " << list;
  }
}

TEST_P(DocumentStoreConformance, EraseRemovesOneCustomerEverywhere) {
  append({make_event("alice", 1), make_event("alice", 2), make_event("bob", 3), make_event("alice", 4)});
  add(make_feedback("alice", 10, "SKU-A"));
  add(make_feedback("alice", 11, ""));
  add(make_feedback("bob", 12, "SKU-A"));
  ASSERT_TRUE(store_->put_preferences("alice", R"({"a":1})").ok());
  ASSERT_TRUE(store_->put_preferences("bob", R"({"b":1})").ok());

  auto erased = store_->erase_customer("alice");
  ASSERT_TRUE(erased.ok()) << erased.error().message;
  EXPECT_EQ(erased->events, 3u);
  EXPECT_EQ(erased->feedback, 2u);
  EXPECT_EQ(erased->preferences, 1u);

  EXPECT_TRUE(all_customer_events("alice").empty());
  const auto remaining = visited(TimeRange::all());
  ASSERT_EQ(remaining.size(), 1u);
  EXPECT_EQ(remaining[0].customer_id, "bob");
  EXPECT_TRUE(store_->feedback_by_customer("alice", {})->items.empty());
  ASSERT_EQ(store_->feedback_by_product("SKU-A", {})->items.size(), 1u);
  EXPECT_EQ(store_->feedback_between(TimeRange::all(), {})->items.size(), 1u);
  EXPECT_FALSE(store_->get_preferences("alice").value().has_value());
  EXPECT_TRUE(store_->get_preferences("bob").value().has_value());

  auto again = store_->erase_customer("alice");  // idempotent
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->events + again->feedback + again->preferences, 0u);
  EXPECT_EQ(store_->erase_customer("nobody")->events, 0u);
}

TEST_P(DocumentStoreConformance, EverythingSurvivesAReopen) {
  append({make_event("alice", kDay0Ms), make_event("bob", kDay0Ms)});
  const std::string id = add(make_feedback("alice", kDay0Ms));
  ASSERT_TRUE(store_->put_preferences("alice", R"({"channels":["sms"]})").ok());
  reopen();
  EXPECT_EQ(all_customer_events("alice").size(), 1u);
  EXPECT_EQ(visited(TimeRange::all()).size(), 2u);
  EXPECT_EQ(store_->feedback_by_customer("alice", {})->items.at(0).id, id);
  EXPECT_TRUE(store_->get_preferences("alice").value().has_value());
  // Same customer, same millisecond, after the restart: a new event, not an overwrite.
  append({make_event("alice", kDay0Ms)});
  reopen();
  append({make_event("alice", kDay0Ms)});
  EXPECT_EQ(all_customer_events("alice").size(), 3u);
}

}  // namespace
}  // namespace patron::documents::conformance
