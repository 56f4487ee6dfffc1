#include "storage/documents/mongo_mapping.h"

#include <cstring>

namespace patron::documents::mongo {
namespace {

constexpr std::int32_t kVisitBatchSize = 1000;  // documents per getMore while streaming events

BsonPtr new_document() { return BsonPtr(bson_new()); }

void append_string(bson_t* document, const char* key, std::string_view value) {
  bson_append_utf8(document, key, -1, value.data(), static_cast<int>(value.size()));
}

void append_optional_string(bson_t* document, const char* key, std::string_view value) {
  if (!value.empty()) append_string(document, key, value);
}

// {key: {$gte: from, $lt: to}}
void append_time_range(bson_t* document, const char* key, TimeRange range) {
  bson_t bounds;
  bson_append_document_begin(document, key, -1, &bounds);
  bson_append_date_time(&bounds, "$gte", -1, range.from_ms);
  bson_append_date_time(&bounds, "$lt", -1, range.to_ms);
  bson_append_document_end(document, &bounds);
}

// $or: [{time: {op: t}}, {time: t, _id: {op: tiebreak}}] — strictly after (or
// before) the cursor's item in (time, _id) order.
void append_cursor_condition(bson_t* document, const char* time_key, const char* op, const PageCursor& cursor,
                             bool tiebreak_is_object_id) {
  bson_t alternatives;
  bson_t later_time;
  bson_t time_bound;
  bson_t same_time;
  bson_t id_bound;
  bson_append_array_begin(document, "$or", -1, &alternatives);
  bson_append_document_begin(&alternatives, "0", -1, &later_time);
  bson_append_document_begin(&later_time, time_key, -1, &time_bound);
  bson_append_date_time(&time_bound, op, -1, cursor.time_ms);
  bson_append_document_end(&later_time, &time_bound);
  bson_append_document_end(&alternatives, &later_time);
  bson_append_document_begin(&alternatives, "1", -1, &same_time);
  bson_append_date_time(&same_time, time_key, -1, cursor.time_ms);
  bson_append_document_begin(&same_time, "_id", -1, &id_bound);
  if (tiebreak_is_object_id && cursor.tiebreak.size() == kObjectIdBytes) {
    bson_oid_t oid;
    std::memcpy(oid.bytes, cursor.tiebreak.data(), kObjectIdBytes);
    bson_append_oid(&id_bound, op, -1, &oid);
  } else {
    append_string(&id_bound, op, cursor.tiebreak);
  }
  bson_append_document_end(&same_time, &id_bound);
  bson_append_document_end(&alternatives, &same_time);
  bson_append_array_end(document, &alternatives);
}

void append_sort(bson_t* document, const char* time_key, int direction) {
  bson_t sort;
  bson_append_document_begin(document, "sort", -1, &sort);
  bson_append_int32(&sort, time_key, -1, direction);
  bson_append_int32(&sort, "_id", -1, direction);
  bson_append_document_end(document, &sort);
}

// One index of a createIndexes command: its name and its keys (field, 1 for
// ascending or -1 for descending).
struct IndexSpec {
  const char* name;
  std::initializer_list<std::pair<const char*, int>> keys;
};

BsonPtr create_indexes_command(const char* collection, std::initializer_list<IndexSpec> specs) {
  BsonPtr command = new_document();
  bson_append_utf8(command.get(), "createIndexes", -1, collection, -1);
  bson_t indexes;
  bson_append_array_begin(command.get(), "indexes", -1, &indexes);
  std::size_t position = 0;
  for (const IndexSpec& spec : specs) {
    bson_t index;
    bson_t key_document;
    bson_append_document_begin(&indexes, std::to_string(position++).c_str(), -1, &index);
    bson_append_document_begin(&index, "key", -1, &key_document);
    for (const auto& [field, direction] : spec.keys) bson_append_int32(&key_document, field, -1, direction);
    bson_append_document_end(&index, &key_document);
    bson_append_utf8(&index, "name", -1, spec.name, -1);
    bson_append_document_end(&indexes, &index);
  }
  bson_append_array_end(command.get(), &indexes);
  return command;
}

Error corrupt(const char* what) { return Error{ErrorCode::internal, std::string("corrupt stored ") + what, {}}; }

std::optional<std::string> read_string(const bson_t& document, const char* key) {
  bson_iter_t iter;
  if (!bson_iter_init_find(&iter, &document, key) || !BSON_ITER_HOLDS_UTF8(&iter)) return std::nullopt;
  std::uint32_t length = 0;
  const char* text = bson_iter_utf8(&iter, &length);
  return std::string(text, length);
}

std::string read_string_or_empty(const bson_t& document, const char* key) {
  return read_string(document, key).value_or(std::string());
}

std::optional<std::int64_t> read_date_ms(const bson_t& document, const char* key) {
  bson_iter_t iter;
  if (!bson_iter_init_find(&iter, &document, key) || !BSON_ITER_HOLDS_DATE_TIME(&iter)) return std::nullopt;
  return bson_iter_date_time(&iter);
}

}  // namespace

BsonPtr event_to_bson(const Event& event, const bson_oid_t& id) {
  BsonPtr document = new_document();
  bson_append_oid(document.get(), "_id", -1, &id);
  append_string(document.get(), "customer_id", event.customer_id);
  bson_append_utf8(document.get(), "type", -1, to_string(event.type), -1);
  append_optional_string(document.get(), "sku", event.sku);
  append_optional_string(document.get(), "category", event.category);
  append_optional_string(document.get(), "query", event.query);
  bson_append_date_time(document.get(), "occurred_at", -1, event.occurred_at_ms);
  bson_append_date_time(document.get(), "received_at", -1, event.received_at_ms);
  return document;
}

Result<Event> event_from_bson(const bson_t& document) {
  const auto customer_id = read_string(document, "customer_id");
  const auto type = parse_event_type(read_string_or_empty(document, "type"));
  const auto occurred_at_ms = read_date_ms(document, "occurred_at");
  const auto received_at_ms = read_date_ms(document, "received_at");
  if (!customer_id || !type || !occurred_at_ms || !received_at_ms) return corrupt("event");
  Event event;
  event.customer_id = *customer_id;
  event.type = *type;
  event.sku = read_string_or_empty(document, "sku");
  event.category = read_string_or_empty(document, "category");
  event.query = read_string_or_empty(document, "query");
  event.occurred_at_ms = *occurred_at_ms;
  event.received_at_ms = *received_at_ms;
  return event;
}

std::optional<std::string> object_id_bytes(const bson_t& document) {
  bson_iter_t iter;
  if (!bson_iter_init_find(&iter, &document, "_id") || !BSON_ITER_HOLDS_OID(&iter)) return std::nullopt;
  const bson_oid_t* oid = bson_iter_oid(&iter);
  return std::string(reinterpret_cast<const char*>(oid->bytes), kObjectIdBytes);
}

BsonPtr feedback_to_bson(const Feedback& feedback) {
  BsonPtr document = new_document();
  append_string(document.get(), "_id", feedback.id);
  append_string(document.get(), "customer_id", feedback.customer_id);
  bson_append_int32(document.get(), "rating", -1, feedback.rating);
  append_string(document.get(), "text", feedback.text);
  append_string(document.get(), "product_sku", feedback.product_sku);
  append_string(document.get(), "store_id", feedback.store_id);
  bson_t tags;
  bson_append_array_begin(document.get(), "tags", -1, &tags);
  for (std::size_t i = 0; i < feedback.tags.size(); ++i) {
    const std::string position = std::to_string(i);
    append_string(&tags, position.c_str(), feedback.tags[i]);
  }
  bson_append_array_end(document.get(), &tags);
  bson_append_double(document.get(), "sentiment", -1, feedback.sentiment);
  bson_append_date_time(document.get(), "created_at", -1, feedback.created_at_ms);
  return document;
}

Result<Feedback> feedback_from_bson(const bson_t& document) {
  Feedback feedback;
  const auto id = read_string(document, "_id");
  const auto customer_id = read_string(document, "customer_id");
  const auto created_at_ms = read_date_ms(document, "created_at");
  bson_iter_t rating;
  bson_iter_t sentiment;
  bson_iter_t tags;
  if (!id || !customer_id || !created_at_ms || !bson_iter_init_find(&rating, &document, "rating") ||
      !BSON_ITER_HOLDS_INT32(&rating) || !bson_iter_init_find(&sentiment, &document, "sentiment") ||
      !BSON_ITER_HOLDS_DOUBLE(&sentiment) || !bson_iter_init_find(&tags, &document, "tags") ||
      !BSON_ITER_HOLDS_ARRAY(&tags)) {
    return corrupt("feedback");
  }
  feedback.id = *id;
  feedback.customer_id = *customer_id;
  feedback.rating = bson_iter_int32(&rating);
  feedback.text = read_string_or_empty(document, "text");
  feedback.product_sku = read_string_or_empty(document, "product_sku");
  feedback.store_id = read_string_or_empty(document, "store_id");
  bson_iter_t tag;
  if (!bson_iter_recurse(&tags, &tag)) return corrupt("feedback");
  while (bson_iter_next(&tag)) {
    if (!BSON_ITER_HOLDS_UTF8(&tag)) return corrupt("feedback");
    std::uint32_t length = 0;
    const char* text = bson_iter_utf8(&tag, &length);
    feedback.tags.emplace_back(text, length);
  }
  feedback.sentiment = bson_iter_double(&sentiment);
  feedback.created_at_ms = *created_at_ms;
  return feedback;
}

Result<BsonPtr> preferences_to_bson(std::string_view customer_id, std::string_view json_object) {
  // libbson reads a top-level JSON array as a document keyed "0", "1", ...
  const auto first = json_object.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || json_object[first] != '{') {
    return Error::validation("preferences", "must be a JSON object");
  }
  bson_error_t error;
  BsonPtr parsed(bson_new_from_json(reinterpret_cast<const std::uint8_t*>(json_object.data()),
                                    static_cast<ssize_t>(json_object.size()), &error));
  if (!parsed) return Error::validation("preferences", std::string("must be a JSON object: ") + error.message);
  BsonPtr document = new_document();
  append_string(document.get(), "_id", customer_id);
  bson_append_document(document.get(), "document", -1, parsed.get());
  return document;
}

Result<std::string> preferences_from_bson(const bson_t& document) {
  bson_iter_t iter;
  if (!bson_iter_init_find(&iter, &document, "document") || !BSON_ITER_HOLDS_DOCUMENT(&iter)) {
    return corrupt("preferences");
  }
  std::uint32_t length = 0;
  const std::uint8_t* data = nullptr;
  bson_iter_document(&iter, &length, &data);
  bson_t inner;
  if (!bson_init_static(&inner, data, length)) return corrupt("preferences");
  char* json = bson_as_relaxed_extended_json(&inner, nullptr);
  if (json == nullptr) return corrupt("preferences");
  std::string text(json);
  bson_free(json);
  return text;
}

BsonPtr customer_events_filter(std::string_view customer_id, TimeRange range, const std::optional<PageCursor>& after) {
  BsonPtr filter = new_document();
  append_string(filter.get(), "customer_id", customer_id);
  append_time_range(filter.get(), "occurred_at", range);
  if (after) append_cursor_condition(filter.get(), "occurred_at", "$gt", *after, /*tiebreak_is_object_id=*/true);
  return filter;
}

BsonPtr events_between_filter(TimeRange range) {
  BsonPtr filter = new_document();
  append_time_range(filter.get(), "occurred_at", range);
  return filter;
}

BsonPtr events_find_options(std::optional<std::size_t> limit) {
  BsonPtr options = new_document();
  append_sort(options.get(), "occurred_at", 1);
  if (limit) {
    bson_append_int64(options.get(), "limit", -1, static_cast<std::int64_t>(*limit));
  } else {
    bson_append_int32(options.get(), "batchSize", -1, kVisitBatchSize);
  }
  return options;
}

BsonPtr feedback_filter(FeedbackKey key, std::string_view key_value, TimeRange range,
                        const std::optional<PageCursor>& before) {
  BsonPtr filter = new_document();
  if (key == FeedbackKey::customer) append_string(filter.get(), "customer_id", key_value);
  if (key == FeedbackKey::product) append_string(filter.get(), "product_sku", key_value);
  append_time_range(filter.get(), "created_at", range);
  if (before) append_cursor_condition(filter.get(), "created_at", "$lt", *before, /*tiebreak_is_object_id=*/false);
  return filter;
}

BsonPtr feedback_find_options(std::size_t limit) {
  BsonPtr options = new_document();
  append_sort(options.get(), "created_at", -1);
  bson_append_int64(options.get(), "limit", -1, static_cast<std::int64_t>(limit));
  return options;
}

BsonPtr customer_filter(std::string_view customer_id) {
  BsonPtr filter = new_document();
  append_string(filter.get(), "customer_id", customer_id);
  return filter;
}

BsonPtr id_filter(std::string_view id) {
  BsonPtr filter = new_document();
  append_string(filter.get(), "_id", id);
  return filter;
}

BsonPtr events_index_command() {
  return create_indexes_command(kEventsCollection,
                                {{"customer_time", {{"customer_id", 1}, {"occurred_at", 1}, {"_id", 1}}},
                                 {"time", {{"occurred_at", 1}, {"_id", 1}}}});
}

BsonPtr feedback_index_command() {
  return create_indexes_command(kFeedbackCollection,
                                {{"customer_time", {{"customer_id", 1}, {"created_at", -1}, {"_id", -1}}},
                                 {"product_time", {{"product_sku", 1}, {"created_at", -1}, {"_id", -1}}},
                                 {"time", {{"created_at", -1}, {"_id", -1}}}});
}

}  // namespace patron::documents::mongo
