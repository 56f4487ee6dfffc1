#pragma once
// The MongoDB adapter's pure half: documents and queries as bson_t built from
// the port's structs and read back, with no connection. Unit-tested on their
// own because no MongoDB server is packaged for Debian 12.
//
//   events       {_id: ObjectId, customer_id, type, sku?, category?, query?, occurred_at: date, received_at: date}
//   feedback     {_id: id, customer_id, rating, text, product_sku, store_id, tags: [..], sentiment, created_at: date}
//   preferences  {_id: customer_id, document: {...the customer's JSON object...}}
#include <bson/bson.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/result.h"
#include "storage/documents/checked_document_store.h"
#include "storage/documents/page_cursor.h"

namespace patron::documents::mongo {

// Owns a heap bson_t. Not a std::unique_ptr<bson_t>: bson_t carries an
// alignment attribute that template arguments drop (-Wignored-attributes).
class BsonPtr {
 public:
  BsonPtr() = default;
  explicit BsonPtr(bson_t* document) : document_(document) {}
  ~BsonPtr() { reset(); }
  BsonPtr(BsonPtr&& other) noexcept : document_(std::exchange(other.document_, nullptr)) {}
  BsonPtr& operator=(BsonPtr&& other) noexcept {
    if (this != &other) {
      reset();
      document_ = std::exchange(other.document_, nullptr);
    }
    return *this;
  }
  BsonPtr(const BsonPtr&) = delete;
  BsonPtr& operator=(const BsonPtr&) = delete;

  bson_t* get() const { return document_; }
  explicit operator bool() const { return document_ != nullptr; }

 private:
  void reset() {
    if (document_ != nullptr) bson_destroy(document_);
    document_ = nullptr;
  }
  bson_t* document_ = nullptr;
};

inline constexpr const char* kEventsCollection = "events";
inline constexpr const char* kFeedbackCollection = "feedback";
inline constexpr const char* kPreferencesCollection = "preferences";
inline constexpr std::size_t kObjectIdBytes = 12;

BsonPtr event_to_bson(const Event& event, const bson_oid_t& id);
// ErrorCode::internal for a document this adapter did not write.
Result<Event> event_from_bson(const bson_t& document);
// The raw 12 bytes of the document's ObjectId: the tiebreak of event cursors.
std::optional<std::string> object_id_bytes(const bson_t& document);

BsonPtr feedback_to_bson(const Feedback& feedback);
Result<Feedback> feedback_from_bson(const bson_t& document);

// validation_failed when json_object is not a JSON object.
Result<BsonPtr> preferences_to_bson(std::string_view customer_id, std::string_view json_object);
// The stored document back as JSON text (relaxed extended JSON: plain numbers).
Result<std::string> preferences_from_bson(const bson_t& document);

// Queries. `after` is the decoded cursor of the previous page, if any.
BsonPtr customer_events_filter(std::string_view customer_id, TimeRange range, const std::optional<PageCursor>& after);
BsonPtr events_between_filter(TimeRange range);
BsonPtr events_find_options(std::optional<std::size_t> limit);  // oldest first

using documents::FeedbackKey;
// key_value is the customer id or sku; ignored for FeedbackKey::time.
BsonPtr feedback_filter(FeedbackKey key, std::string_view key_value, TimeRange range,
                        const std::optional<PageCursor>& before);
BsonPtr feedback_find_options(std::size_t limit);  // newest first

BsonPtr customer_filter(std::string_view customer_id);  // {customer_id: ..}
BsonPtr id_filter(std::string_view id);                 // {_id: ..}

// The createIndexes commands the adapter runs at open, one per collection.
BsonPtr events_index_command();
BsonPtr feedback_index_command();

}  // namespace patron::documents::mongo
