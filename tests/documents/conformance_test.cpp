// One suite, every adapter: what the port promises, checked the same way on
// RocksDB (always, in a temp dir) and on MongoDB (when MONGO_URI is set).
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "storage/documents/document_store.h"
#include "storage/documents/mongo_store.h"
#include "temp_dir.h"

namespace patron::documents {
namespace {

enum class Backend { rocksdb, mongodb };

constexpr std::int64_t kDay0Ms = 1'700'000'000'000;  // 2023-11-14T22:13:20Z

Event make_event(std::string customer_id, std::int64_t at_ms, EventType type = EventType::view,
                 std::string sku = "SKU-1") {
  Event event;
  event.customer_id = std::move(customer_id);
  event.type = type;
  event.sku = std::move(sku);
  event.occurred_at_ms = at_ms;
  return event;
}

Feedback make_feedback(std::string customer_id, std::int64_t created_at_ms, std::string sku = "SKU-1") {
  Feedback feedback;
  feedback.customer_id = std::move(customer_id);
  feedback.rating = 4;
  feedback.text = "good bread";
  feedback.product_sku = std::move(sku);
  feedback.store_id = "store-1";
  feedback.tags = {"bakery"};
  feedback.sentiment = 0.6;
  feedback.created_at_ms = created_at_ms;
  return feedback;
}

class DocumentStoreConformance : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::mongodb) {
      const char* uri = std::getenv("MONGO_URI");
      if (uri == nullptr || *uri == '\0') {
        GTEST_SKIP() << "MONGO_URI is not set. No MongoDB server is packaged for Debian 12; point MONGO_URI at "
                        "a disposable database (e.g. mongodb://localhost:27017/patron_test) to run this suite "
                        "against MongoDB. Its collections are dropped.";
      }
      uri_ = uri;
      auto mongo = MongoDocumentStore::open(uri_);
      ASSERT_TRUE(mongo.ok()) << mongo.error().message;
      ASSERT_TRUE(mongo.value()->drop_all().ok());
    } else {
      dir_ = std::make_unique<testing::TempDir>();
      uri_ = "rocksdb://" + dir_->path().string();
    }
    reopen();
  }

  void reopen() {
    store_.reset();  // closes first: RocksDB holds a lock on its directory
    auto opened = open_document_store(uri_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }

  void append(std::vector<Event> events) {
    auto appended = store_->append_events(events);
    ASSERT_TRUE(appended.ok()) << appended.error().message;
    ASSERT_EQ(appended.value(), events.size());
  }

  std::string add(const Feedback& feedback) {
    auto id = store_->add_feedback(feedback);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? id.value() : std::string();
  }

  std::vector<Event> all_customer_events(const std::string& customer_id, TimeRange range = TimeRange::all(),
                                         std::size_t page_limit = kMaxEventPageLimit) {
    std::vector<Event> events;
    PageRequest page{page_limit, {}};
    for (int pages = 0; pages < 1000; ++pages) {
      auto result = store_->customer_events(customer_id, range, page);
      EXPECT_TRUE(result.ok()) << result.error().message;
      if (!result.ok()) break;
      events.insert(events.end(), result->items.begin(), result->items.end());
      if (!result->next_cursor) break;
      page.cursor = *result->next_cursor;
    }
    return events;
  }

  std::vector<Event> visited(TimeRange range) {
    std::vector<Event> events;
    const Status status = store_->visit_events(range, [&](const Event& event) {
      events.push_back(event);
      return true;
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return events;
  }

  std::unique_ptr<testing::TempDir> dir_;
  std::string uri_;
  std::unique_ptr<DocumentStore> store_;
};

TEST_P(DocumentStoreConformance, CustomerEventsComeBackOldestFirstWithEveryField) {
  Event search = make_event("alice", kDay0Ms + 30, EventType::search, "");
  search.query = "oat milk";
  search.category = "dairy";
  append({make_event("alice", kDay0Ms + 20, EventType::add_to_cart), search, make_event("bob", kDay0Ms + 10),
          make_event("alice", kDay0Ms + 10, EventType::wishlist)});
  const auto events = all_customer_events("alice");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].occurred_at_ms, kDay0Ms + 10);
  EXPECT_EQ(events[0].type, EventType::wishlist);
  EXPECT_EQ(events[1].type, EventType::add_to_cart);
  EXPECT_EQ(events[1].sku, "SKU-1");
  EXPECT_EQ(events[2].type, EventType::search);
  EXPECT_EQ(events[2].query, "oat milk");
  EXPECT_EQ(events[2].category, "dairy");
  EXPECT_EQ(events[2].sku, "");
  for (const auto& event : events) {
    EXPECT_EQ(event.customer_id, "alice");
    EXPECT_GT(event.received_at_ms, kDay0Ms);  // stamped by the store
  }
}

TEST_P(DocumentStoreConformance, KeepsACallersReceivedAt) {
  Event event = make_event("alice", kDay0Ms);
  event.received_at_ms = kDay0Ms + 5;
  append({event});
  EXPECT_EQ(all_customer_events("alice").at(0).received_at_ms, kDay0Ms + 5);
}

TEST_P(DocumentStoreConformance, TimeRangesAreHalfOpen) {
  append({make_event("alice", 100), make_event("alice", 199), make_event("alice", 200), make_event("alice", 300)});
  EXPECT_EQ(all_customer_events("alice", {100, 200}).size(), 2u);
  EXPECT_EQ(all_customer_events("alice", {200, 300}).size(), 1u);
  EXPECT_EQ(all_customer_events("alice", {101, 199}).size(), 0u);
  EXPECT_EQ(all_customer_events("alice", {0, 1'000}).size(), 4u);
  EXPECT_EQ(visited({199, 300}).size(), 2u);
  auto reversed = store_->customer_events("alice", {300, 100}, {});
  ASSERT_FALSE(reversed.ok());
  EXPECT_EQ(reversed.error().code, ErrorCode::validation_failed);
}

TEST_P(DocumentStoreConformance, CustomerIdsThatPrefixEachOtherStayApart) {
  append({make_event("ab", 1), make_event("abc", 2), make_event("a", 3)});
  EXPECT_EQ(all_customer_events("ab").size(), 1u);
  EXPECT_EQ(all_customer_events("abc").size(), 1u);
  EXPECT_EQ(all_customer_events("a").size(), 1u);
  EXPECT_EQ(all_customer_events("b").size(), 0u);
}

TEST_P(DocumentStoreConformance, EventPagesWalkEveryEventOnceEvenWithinOneMillisecond) {
  std::vector<Event> batch;
  for (int i = 0; i < 25; ++i) batch.push_back(make_event("alice", kDay0Ms, EventType::view, "SKU-" + std::to_string(i)));
  batch.push_back(make_event("alice", kDay0Ms + 1, EventType::view, "SKU-last"));
  append(batch);
  auto first = store_->customer_events("alice", TimeRange::all(), {10, {}});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->items.size(), 10u);
  ASSERT_TRUE(first->next_cursor.has_value());
  const auto paged = all_customer_events("alice", TimeRange::all(), 10);
  ASSERT_EQ(paged.size(), 26u);
  std::set<std::string> skus;
  for (const auto& event : paged) skus.insert(event.sku);
  EXPECT_EQ(skus.size(), 26u);  // nothing twice, nothing lost
  EXPECT_EQ(paged.back().occurred_at_ms, kDay0Ms + 1);
  auto exact = store_->customer_events("alice", TimeRange::all(), {26, {}});
  ASSERT_TRUE(exact.ok());
  EXPECT_FALSE(exact->next_cursor.has_value());  // a full last page says it is the last
}

TEST_P(DocumentStoreConformance, RejectsBadPagesAndCursors) {
  append({make_event("alice", 1)});
  EXPECT_EQ(store_->customer_events("alice", TimeRange::all(), {0, {}}).error().field, "limit");
  EXPECT_EQ(store_->customer_events("alice", TimeRange::all(), {kMaxEventPageLimit + 1, {}}).error().field, "limit");
  EXPECT_EQ(store_->customer_events("alice", TimeRange::all(), {10, "garbage"}).error().field, "cursor");
  EXPECT_EQ(store_->feedback_by_customer("alice", {kMaxPageLimit + 1, {}}).error().field, "limit");
  EXPECT_EQ(store_->feedback_between(TimeRange::all(), {10, "zz"}).error().field, "cursor");
}

TEST_P(DocumentStoreConformance, VisitStreamsEveryCustomerOldestFirstAndCanStop) {
  append({make_event("bob", 30), make_event("alice", 10), make_event("carol", 20), make_event("alice", 40)});
  const auto events = visited(TimeRange::all());
  ASSERT_EQ(events.size(), 4u);
  for (std::size_t i = 1; i < events.size(); ++i) EXPECT_LE(events[i - 1].occurred_at_ms, events[i].occurred_at_ms);
  EXPECT_EQ(events[0].customer_id, "alice");
  EXPECT_EQ(events[1].customer_id, "carol");
  int seen = 0;
  ASSERT_TRUE(store_->visit_events(TimeRange::all(), [&](const Event&) { return ++seen < 2; }).ok());
  EXPECT_EQ(seen, 2);
}

TEST_P(DocumentStoreConformance, AnInvalidBatchStoresNothing) {
  std::vector<Event> batch = {make_event("alice", 1), make_event("alice", 2), make_event("", 3)};
  auto rejected = store_->append_events(batch);
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().code, ErrorCode::validation_failed);
  EXPECT_EQ(rejected.error().field, "events[2].customer_id");
  batch[2] = make_event("alice", 3);
  batch[1].type = static_cast<EventType>(99);
  EXPECT_EQ(store_->append_events(batch).error().field, "events[1].type");
  EXPECT_TRUE(all_customer_events("alice").empty());
  EXPECT_TRUE(visited(TimeRange::all()).empty());
}

TEST_P(DocumentStoreConformance, BatchesAreBoundedAt500) {
  std::vector<Event> batch(kMaxEventsPerBatch, make_event("alice", 1));
  append(batch);
  batch.push_back(make_event("alice", 1));
  EXPECT_EQ(store_->append_events(batch).error().field, "events");
  EXPECT_EQ(store_->append_events({}).error().field, "events");
  EXPECT_EQ(all_customer_events("alice").size(), kMaxEventsPerBatch);
}

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
  EXPECT_EQ(nlohmann::json::parse(*store_->get_preferences("alice").value()), nlohmann::json::parse(R"({"dietary":["vegan"]})"));
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

INSTANTIATE_TEST_SUITE_P(Adapters, DocumentStoreConformance, ::testing::Values(Backend::rocksdb, Backend::mongodb),
                         [](const ::testing::TestParamInfo<Backend>& param_info) {
                           return param_info.param == Backend::rocksdb ? std::string("RocksDB") : std::string("MongoDB");
                         });

}  // namespace
}  // namespace patron::documents
