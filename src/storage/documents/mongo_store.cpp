#include "storage/documents/mongo_store.h"

#include <cassert>
#include <mutex>
#include <vector>

#include "storage/documents/page_cursor.h"

namespace patron::documents {
namespace {

using mongo::BsonPtr;

constexpr const char* kDefaultDatabase = "patron";
constexpr std::int32_t kDuplicateKeyCode = 11000;

struct CollectionDeleter {
  void operator()(mongoc_collection_t* collection) const { mongoc_collection_destroy(collection); }
};
using CollectionPtr = std::unique_ptr<mongoc_collection_t, CollectionDeleter>;
struct CursorDeleter {
  void operator()(mongoc_cursor_t* cursor) const { mongoc_cursor_destroy(cursor); }
};
using CursorPtr = std::unique_ptr<mongoc_cursor_t, CursorDeleter>;
struct BulkDeleter {
  void operator()(mongoc_bulk_operation_t* bulk) const { mongoc_bulk_operation_destroy(bulk); }
};
using BulkPtr = std::unique_ptr<mongoc_bulk_operation_t, BulkDeleter>;

// A bson_t reply the driver initialises even on failure.
struct Reply {
  bson_t document;
  Reply() { bson_init(&document); }
  ~Reply() { bson_destroy(&document); }
  Reply(const Reply&) = delete;
  Reply& operator=(const Reply&) = delete;
};

void ensure_driver_initialised() {
  // mongoc_init once per process; never cleaned up, the process owns it.
  static std::once_flag once;
  std::call_once(once, [] { mongoc_init(); });
}

Error to_error(const bson_error_t& error, const char* operation) {
  ErrorCode code = ErrorCode::internal;
  if (error.domain == MONGOC_ERROR_SERVER_SELECTION || error.domain == MONGOC_ERROR_STREAM) {
    code = ErrorCode::unavailable;
  } else if (error.code == kDuplicateKeyCode) {
    code = ErrorCode::conflict;
  }
  return Error{code, std::string("document store: ") + operation + ": " + error.message, {}};
}

std::size_t deleted_count(const bson_t& reply) {
  bson_iter_t iter;
  if (!bson_iter_init_find(&iter, &reply, "deletedCount")) return 0;
  return static_cast<std::size_t>(bson_iter_as_int64(&iter));
}

Result<std::optional<PageCursor>> decode_optional_cursor(const std::string& text) {
  if (text.empty()) return std::optional<PageCursor>();
  auto cursor = decode_cursor(text);
  if (!cursor) return cursor.error();
  return std::optional<PageCursor>(std::move(cursor).value());
}

}  // namespace

class MongoDocumentStore::Client {
 public:
  explicit Client(mongoc_client_pool_t* pool) : pool_(pool), client_(mongoc_client_pool_pop(pool)) {}
  ~Client() { mongoc_client_pool_push(pool_, client_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  mongoc_client_t* get() const { return client_; }

  // Journaled writes: acknowledged means on the server's disk.
  CollectionPtr collection(const std::string& database, const char* name) const {
    CollectionPtr collection(mongoc_client_get_collection(client_, database.c_str(), name));
    mongoc_write_concern_t* concern = mongoc_write_concern_new();
    mongoc_write_concern_set_journal(concern, true);
    mongoc_collection_set_write_concern(collection.get(), concern);
    mongoc_write_concern_destroy(concern);
    mongoc_read_concern_t* read_concern = mongoc_read_concern_new();
    mongoc_read_concern_set_level(read_concern, MONGOC_READ_CONCERN_LEVEL_MAJORITY);
    mongoc_collection_set_read_concern(collection.get(), read_concern);
    mongoc_read_concern_destroy(read_concern);
    return collection;
  }

 private:
  mongoc_client_pool_t* pool_;
  mongoc_client_t* client_;
};

Result<std::unique_ptr<MongoDocumentStore>> MongoDocumentStore::open(const std::string& uri_text) {
  ensure_driver_initialised();
  bson_error_t error;
  mongoc_uri_t* uri = mongoc_uri_new_with_error(uri_text.c_str(), &error);
  if (uri == nullptr) return Error::validation("DOCUMENT_STORE", std::string("bad MongoDB URI: ") + error.message);
  const char* database = mongoc_uri_get_database(uri);
  std::string database_name = database != nullptr && *database != '\0' ? database : kDefaultDatabase;
  mongoc_client_pool_t* pool = mongoc_client_pool_new(uri);
  mongoc_uri_destroy(uri);
  if (pool == nullptr) return Error{ErrorCode::unavailable, "document store: cannot create MongoDB pool", {}};
  mongoc_client_pool_set_error_api(pool, MONGOC_ERROR_API_VERSION_2);
  std::unique_ptr<MongoDocumentStore> store(new MongoDocumentStore(pool, std::move(database_name)));
  {
    Client client(pool);
    BsonPtr ping(BCON_NEW("ping", BCON_INT32(1)));
    Reply reply;
    if (!mongoc_client_command_simple(client.get(), "admin", ping.get(), nullptr, &reply.document, &error)) {
      return to_error(error, "connect");
    }
  }
  if (auto s = store->create_indexes(); !s) return s.error();
  return store;
}

MongoDocumentStore::MongoDocumentStore(mongoc_client_pool_t* pool, std::string database)
    : pool_(pool), database_(std::move(database)) {}

MongoDocumentStore::~MongoDocumentStore() { mongoc_client_pool_destroy(pool_); }

Status MongoDocumentStore::create_indexes() {
  Client client(pool_);
  for (const BsonPtr& command : {mongo::events_index_command(), mongo::feedback_index_command()}) {
    bson_error_t error;
    Reply reply;
    if (!mongoc_client_command_simple(client.get(), database_.c_str(), command.get(), nullptr, &reply.document,
                                      &error)) {
      return to_error(error, "create indexes");
    }
  }
  return ok_status();
}

Result<std::size_t> MongoDocumentStore::store_events(std::span<const Event> events, std::int64_t received_at_ms) {
  Client client(pool_);
  const CollectionPtr collection = client.collection(database_, mongo::kEventsCollection);
  BsonPtr options(BCON_NEW("ordered", BCON_BOOL(true)));
  BulkPtr bulk(mongoc_collection_create_bulk_operation_with_opts(collection.get(), options.get()));
  bson_error_t error;
  for (const Event& event : events) {
    bson_oid_t id;
    bson_oid_init(&id, nullptr);
    Event stamped = event;
    if (stamped.received_at_ms == 0) stamped.received_at_ms = received_at_ms;
    const BsonPtr document = mongo::event_to_bson(stamped, id);
    if (!mongoc_bulk_operation_insert_with_opts(bulk.get(), document.get(), nullptr, &error)) {
      return to_error(error, "append events");
    }
  }
  Reply reply;
  if (mongoc_bulk_operation_execute(bulk.get(), &reply.document, &error) == 0) return to_error(error, "append events");
  return events.size();
}

Result<EventPage> MongoDocumentStore::events_of_customer(std::string_view customer_id, TimeRange range,
                                                         const PageRequest& page) {
  auto after = decode_optional_cursor(page.cursor);
  if (!after) return after.error();
  if (after.value() && after.value()->tiebreak.size() != mongo::kObjectIdBytes) return decode_cursor("").error();
  Client client(pool_);
  const CollectionPtr collection = client.collection(database_, mongo::kEventsCollection);
  const BsonPtr filter = mongo::customer_events_filter(customer_id, range, after.value());
  const BsonPtr options = mongo::events_find_options(page.limit + 1);  // one more tells whether a next page exists
  CursorPtr cursor(mongoc_collection_find_with_opts(collection.get(), filter.get(), options.get(), nullptr));
  EventPage result;
  std::string last_id;
  const bson_t* document = nullptr;
  while (mongoc_cursor_next(cursor.get(), &document)) {
    if (result.items.size() == page.limit) {
      result.next_cursor = encode_cursor({result.items.back().occurred_at_ms, last_id});
      break;
    }
    auto event = mongo::event_from_bson(*document);
    auto id = mongo::object_id_bytes(*document);
    if (!event || !id) return Error{ErrorCode::internal, "corrupt stored event", {}};
    result.items.push_back(std::move(event).value());
    last_id = std::move(*id);
  }
  bson_error_t error;
  if (mongoc_cursor_error(cursor.get(), &error)) return to_error(error, "scan customer events");
  return result;
}

Status MongoDocumentStore::walk_events(TimeRange range, const EventVisitor& visitor) {
  Client client(pool_);
  const CollectionPtr collection = client.collection(database_, mongo::kEventsCollection);
  const BsonPtr filter = mongo::events_between_filter(range);
  const BsonPtr options = mongo::events_find_options(std::nullopt);
  CursorPtr cursor(mongoc_collection_find_with_opts(collection.get(), filter.get(), options.get(), nullptr));
  const bson_t* document = nullptr;
  while (mongoc_cursor_next(cursor.get(), &document)) {
    auto event = mongo::event_from_bson(*document);
    if (!event) return event.error();
    if (!visitor(event.value())) break;
  }
  bson_error_t error;
  if (mongoc_cursor_error(cursor.get(), &error)) return to_error(error, "scan events");
  return ok_status();
}

Result<std::optional<std::string>> MongoDocumentStore::read_preferences(std::string_view customer_id) {
  Client client(pool_);
  const CollectionPtr collection = client.collection(database_, mongo::kPreferencesCollection);
  const BsonPtr filter = mongo::id_filter(customer_id);
  BsonPtr options(BCON_NEW("limit", BCON_INT64(1)));
  CursorPtr cursor(mongoc_collection_find_with_opts(collection.get(), filter.get(), options.get(), nullptr));
  const bson_t* document = nullptr;
  if (mongoc_cursor_next(cursor.get(), &document)) {
    auto text = mongo::preferences_from_bson(*document);
    if (!text) return text.error();
    return std::optional<std::string>(std::move(text).value());
  }
  bson_error_t error;
  if (mongoc_cursor_error(cursor.get(), &error)) return to_error(error, "read preferences");
  return std::optional<std::string>();
}

Status MongoDocumentStore::write_preferences(std::string_view customer_id, std::string_view json_object) {
  auto document = mongo::preferences_to_bson(customer_id, json_object);
  if (!document) return document.error();
  Client client(pool_);
  const CollectionPtr collection = client.collection(database_, mongo::kPreferencesCollection);
  const BsonPtr filter = mongo::id_filter(customer_id);
  BsonPtr options(BCON_NEW("upsert", BCON_BOOL(true)));
  Reply reply;
  bson_error_t error;
  if (!mongoc_collection_replace_one(collection.get(), filter.get(), document.value().get(), options.get(),
                                     &reply.document, &error)) {
    return to_error(error, "write preferences");
  }
  return ok_status();
}

Result<std::string> MongoDocumentStore::insert_feedback(const Feedback& stored) {
  Client client(pool_);
  const CollectionPtr collection = client.collection(database_, mongo::kFeedbackCollection);
  const BsonPtr document = mongo::feedback_to_bson(stored);
  Reply reply;
  bson_error_t error;
  if (!mongoc_collection_insert_one(collection.get(), document.get(), nullptr, &reply.document, &error)) {
    return to_error(error, "add feedback");  // a duplicate _id maps to conflict
  }
  return stored.id;
}

Result<FeedbackPage> MongoDocumentStore::feedback_newest_first(FeedbackKey key, std::string_view key_value,
                                                               TimeRange range, const PageRequest& page) {
  auto before = decode_optional_cursor(page.cursor);
  if (!before) return before.error();
  Client client(pool_);
  const CollectionPtr collection = client.collection(database_, mongo::kFeedbackCollection);
  const BsonPtr filter = mongo::feedback_filter(key, key_value, range, before.value());
  const BsonPtr options = mongo::feedback_find_options(page.limit + 1);
  CursorPtr cursor(mongoc_collection_find_with_opts(collection.get(), filter.get(), options.get(), nullptr));
  FeedbackPage result;
  const bson_t* document = nullptr;
  while (mongoc_cursor_next(cursor.get(), &document)) {
    if (result.items.size() == page.limit) {
      result.next_cursor = encode_cursor({result.items.back().created_at_ms, result.items.back().id});
      break;
    }
    auto feedback = mongo::feedback_from_bson(*document);
    if (!feedback) return feedback.error();
    result.items.push_back(std::move(feedback).value());
  }
  bson_error_t error;
  if (mongoc_cursor_error(cursor.get(), &error)) return to_error(error, "list feedback");
  return result;
}

Result<ErasedCounts> MongoDocumentStore::erase_everything_of(std::string_view customer_id) {
  Client client(pool_);
  ErasedCounts counts;
  bson_error_t error;
  const BsonPtr by_customer = mongo::customer_filter(customer_id);
  {
    Reply reply;
    const CollectionPtr events = client.collection(database_, mongo::kEventsCollection);
    if (!mongoc_collection_delete_many(events.get(), by_customer.get(), nullptr, &reply.document, &error)) {
      return to_error(error, "erase events");
    }
    counts.events = deleted_count(reply.document);
  }
  {
    Reply reply;
    const CollectionPtr feedback = client.collection(database_, mongo::kFeedbackCollection);
    if (!mongoc_collection_delete_many(feedback.get(), by_customer.get(), nullptr, &reply.document, &error)) {
      return to_error(error, "erase feedback");
    }
    counts.feedback = deleted_count(reply.document);
  }
  {
    Reply reply;
    const CollectionPtr preferences = client.collection(database_, mongo::kPreferencesCollection);
    const BsonPtr by_id = mongo::id_filter(customer_id);
    if (!mongoc_collection_delete_one(preferences.get(), by_id.get(), nullptr, &reply.document, &error)) {
      return to_error(error, "erase preferences");
    }
    counts.preferences = deleted_count(reply.document);
  }
  return counts;
}

Status MongoDocumentStore::drop_all() {
  Client client(pool_);
  for (const char* name : {mongo::kEventsCollection, mongo::kFeedbackCollection, mongo::kPreferencesCollection}) {
    const CollectionPtr collection = client.collection(database_, name);
    bson_error_t error;
    // "ns not found" (code 26) just means the collection never existed.
    if (!mongoc_collection_drop(collection.get(), &error) && error.code != 26) return to_error(error, "drop");
  }
  return create_indexes();
}

}  // namespace patron::documents
