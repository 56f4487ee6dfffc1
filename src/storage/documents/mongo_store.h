#pragma once
// The server adapter, selected by `mongodb://` URIs (MONGO_URI as in the seed),
// over the MongoDB C driver. Writes use journaled write concern so an
// acknowledged write survives a server crash; event batches go in one ordered
// bulk insert.
//
// Differences from the RocksDB adapter, by nature of a standalone server:
// a batch is all-or-nothing against validation failures but not against a
// crash halfway through the insert (that needs a replica-set transaction);
// visit_events streams with majority read concern, not a point-in-time snapshot.
#include <memory>
#include <string>

#include <mongoc/mongoc.h>

#include "storage/documents/checked_document_store.h"
#include "storage/documents/mongo_mapping.h"

namespace patron::documents {

class MongoDocumentStore final : public CheckedDocumentStore {
 public:
  // Connects (pings), then creates the indexes if missing.
  static Result<std::unique_ptr<MongoDocumentStore>> open(const std::string& uri);
  ~MongoDocumentStore() override;
  MongoDocumentStore(const MongoDocumentStore&) = delete;
  MongoDocumentStore& operator=(const MongoDocumentStore&) = delete;

  // For tests against a shared server: drops this database's collections.
  Status drop_all();

 private:
  Result<std::size_t> store_events(std::span<const Event> events, std::int64_t received_at_ms) override;
  Result<EventPage> events_of_customer(std::string_view customer_id, TimeRange range, const PageRequest& page) override;
  Status walk_events(TimeRange range, const EventVisitor& visitor) override;
  Result<std::optional<std::string>> read_preferences(std::string_view customer_id) override;
  Status write_preferences(std::string_view customer_id, std::string_view json_object) override;
  Result<std::string> insert_feedback(const Feedback& stamped) override;
  Result<FeedbackPage> feedback_newest_first(FeedbackKey key, std::string_view key_value, TimeRange range,
                                             const PageRequest& page) override;
  Result<ErasedCounts> erase_everything_of(std::string_view customer_id) override;
  class Client;  // a client checked out of the pool for one operation
  MongoDocumentStore(mongoc_client_pool_t* pool, std::string database);
  Status create_indexes();

  mongoc_client_pool_t* pool_;
  std::string database_;
};

}  // namespace patron::documents
