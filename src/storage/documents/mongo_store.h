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

#include "storage/documents/document_store.h"
#include "storage/documents/mongo_mapping.h"

namespace patron::documents {

class MongoDocumentStore final : public DocumentStore {
 public:
  // Connects (pings), then creates the indexes if missing.
  static Result<std::unique_ptr<MongoDocumentStore>> open(const std::string& uri);
  ~MongoDocumentStore() override;
  MongoDocumentStore(const MongoDocumentStore&) = delete;
  MongoDocumentStore& operator=(const MongoDocumentStore&) = delete;

  Result<std::size_t> append_events(std::span<const Event> events) override;
  Result<EventPage> customer_events(std::string_view customer_id, TimeRange range, const PageRequest& page) override;
  Status visit_events(TimeRange range, const EventVisitor& visitor) override;
  Result<std::optional<std::string>> get_preferences(std::string_view customer_id) override;
  Status put_preferences(std::string_view customer_id, std::string_view json_object) override;
  Result<std::string> add_feedback(const Feedback& feedback) override;
  Result<FeedbackPage> feedback_by_customer(std::string_view customer_id, const PageRequest& page) override;
  Result<FeedbackPage> feedback_by_product(std::string_view product_sku, const PageRequest& page) override;
  Result<FeedbackPage> feedback_between(TimeRange range, const PageRequest& page) override;
  Result<ErasedCounts> erase_customer(std::string_view customer_id) override;

  // For tests against a shared server: drops this database's collections.
  Status drop_all();

 private:
  class Client;  // a client checked out of the pool for one operation
  MongoDocumentStore(mongoc_client_pool_t* pool, std::string database);
  Status create_indexes();
  Result<FeedbackPage> find_feedback(mongo::FeedbackKey key, std::string_view key_value, TimeRange range, const PageRequest& page);

  mongoc_client_pool_t* pool_;
  std::string database_;
};

}  // namespace patron::documents
