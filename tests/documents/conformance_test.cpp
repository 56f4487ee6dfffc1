// One suite, every adapter: what the port promises for behaviour events,
// checked the same way on RocksDB and MongoDB (conformance_fixture.h).
#include <set>
#include <string>
#include <vector>

#include "conformance_fixture.h"

namespace patron::documents::conformance {
namespace {

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
  for (int i = 0; i < 25; ++i)
    batch.push_back(make_event("alice", kDay0Ms, EventType::view, "SKU-" + std::to_string(i)));
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

}  // namespace

// Here once for the whole suite: the records' tests in conformance_records_test.cpp run under it too.
INSTANTIATE_TEST_SUITE_P(Adapters, DocumentStoreConformance, ::testing::Values(Backend::rocksdb, Backend::mongodb),
                         [](const ::testing::TestParamInfo<Backend>& param_info) {
                           return param_info.param == Backend::rocksdb ? std::string("RocksDB")
                                                                       : std::string("MongoDB");
                         });

}  // namespace patron::documents::conformance
