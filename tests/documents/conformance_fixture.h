#pragma once
// The document store's conformance fixture, shared by the test files that run
// on every adapter (conformance_test.cpp: events; conformance_records_test.cpp:
// preferences, feedback, erasure and reopening): RocksDB always, in a temp
// dir; MongoDB when MONGO_URI is set.
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/documents/document_store.h"
#include "storage/documents/mongo_store.h"
#include "temp_dir.h"

namespace patron::documents::conformance {

enum class Backend { rocksdb, mongodb };

inline constexpr std::int64_t kDay0Ms = 1'700'000'000'000;  // 2023-11-14T22:13:20Z

inline Event make_event(std::string customer_id, std::int64_t at_ms, EventType type = EventType::view,
                        std::string sku = "SKU-1") {
  Event event;
  event.customer_id = std::move(customer_id);
  event.type = type;
  event.sku = std::move(sku);
  event.occurred_at_ms = at_ms;
  return event;
}

inline Feedback make_feedback(std::string customer_id, std::int64_t created_at_ms, std::string sku = "SKU-1") {
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

}  // namespace patron::documents::conformance
