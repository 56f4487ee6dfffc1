// The MongoDB adapter's documents and queries, checked without a server by
// comparing their canonical extended JSON with what the server would receive.
#include "storage/documents/mongo_mapping.h"

#include <cstring>

#include <gtest/gtest.h>

namespace patron::documents::mongo {
namespace {

std::string canonical(const bson_t* document) {
  char* json = bson_as_canonical_extended_json(document, nullptr);
  std::string text(json);
  bson_free(json);
  return text;
}

bson_oid_t fixed_oid() {
  bson_oid_t oid;
  bson_oid_init_from_string(&oid, "65a1b2c3d4e5f60718293a4b");
  return oid;
}

TEST(MongoMapping, EventDocumentUsesDatesAndOmitsEmptyFields) {
  const Event event{"c-1", EventType::add_to_cart, "SKU-1", "", "", 1'700'000'000'000, 1'700'000'000'250};
  const BsonPtr document = event_to_bson(event, fixed_oid());
  EXPECT_EQ(canonical(document.get()),
            R"({ "_id" : { "$oid" : "65a1b2c3d4e5f60718293a4b" }, "customer_id" : "c-1", "type" : "add_to_cart", )"
            R"("sku" : "SKU-1", "occurred_at" : { "$date" : { "$numberLong" : "1700000000000" } }, )"
            R"("received_at" : { "$date" : { "$numberLong" : "1700000000250" } } })");
  auto back = event_from_bson(*document.get());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->customer_id, "c-1");
  EXPECT_EQ(back->type, EventType::add_to_cart);
  EXPECT_EQ(back->sku, "SKU-1");
  EXPECT_EQ(back->occurred_at_ms, 1'700'000'000'000);
  EXPECT_EQ(back->received_at_ms, 1'700'000'000'250);
  const auto id = object_id_bytes(*document.get());
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->size(), kObjectIdBytes);
  EXPECT_EQ(std::memcmp(id->data(), fixed_oid().bytes, kObjectIdBytes), 0);
}

TEST(MongoMapping, EventWithoutRequiredFieldsIsCorrupt) {
  BsonPtr document(BCON_NEW("customer_id", BCON_UTF8("c"), "type", BCON_UTF8("teleport")));
  EXPECT_EQ(event_from_bson(*document.get()).error().code, ErrorCode::internal);
}

TEST(MongoMapping, FeedbackRoundTrip) {
  const Feedback feedback{"f-1", "c-1", 5, "Lovely \xe2\x98\x95", "SKU-2", "store-1", {"coffee", "staff"}, 0.8,
                          1'700'000'000'000};
  const BsonPtr document = feedback_to_bson(feedback);
  EXPECT_EQ(canonical(document.get()),
            R"({ "_id" : "f-1", "customer_id" : "c-1", "rating" : { "$numberInt" : "5" }, )"
            "\"text\" : \"Lovely \xe2\x98\x95\"" R"(, "product_sku" : "SKU-2", "store_id" : "store-1", )"
            R"("tags" : [ "coffee", "staff" ], "sentiment" : { "$numberDouble" : "0.80000000000000004441" }, )"
            R"("created_at" : { "$date" : { "$numberLong" : "1700000000000" } } })");
  auto back = feedback_from_bson(*document.get());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->id, "f-1");
  EXPECT_EQ(back->text, feedback.text);
  EXPECT_EQ(back->tags, feedback.tags);
  EXPECT_DOUBLE_EQ(back->sentiment, 0.8);
  EXPECT_EQ(back->created_at_ms, feedback.created_at_ms);
}

TEST(MongoMapping, PreferencesKeepTheCustomersDocument) {
  auto document = preferences_to_bson("c-1", R"({"channels":["email"],"dietary":{"vegan":true},"n":3})");
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(canonical(document.value().get()),
            R"({ "_id" : "c-1", "document" : { "channels" : [ "email" ], "dietary" : { "vegan" : true }, )"
            R"("n" : { "$numberInt" : "3" } } })");
  auto text = preferences_from_bson(*document.value().get());
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value(), R"({ "channels" : [ "email" ], "dietary" : { "vegan" : true }, "n" : 3 })");
  EXPECT_EQ(preferences_to_bson("c-1", "[1]").error().code, ErrorCode::validation_failed);
}

TEST(MongoMapping, CustomerEventsFilterWithCursor) {
  std::string oid_bytes(reinterpret_cast<const char*>(fixed_oid().bytes), kObjectIdBytes);
  const BsonPtr filter = customer_events_filter("c-1", {100, 200}, PageCursor{150, oid_bytes});
  EXPECT_EQ(canonical(filter.get()),
            R"({ "customer_id" : "c-1", "occurred_at" : { "$gte" : { "$date" : { "$numberLong" : "100" } }, )"
            R"("$lt" : { "$date" : { "$numberLong" : "200" } } }, "$or" : [ { "occurred_at" : { "$gt" : )"
            R"({ "$date" : { "$numberLong" : "150" } } } }, { "occurred_at" : { "$date" : { "$numberLong" : "150" } }, )"
            R"("_id" : { "$gt" : { "$oid" : "65a1b2c3d4e5f60718293a4b" } } } ] })");
  const BsonPtr first_page = customer_events_filter("c-1", {100, 200}, std::nullopt);
  EXPECT_EQ(canonical(first_page.get()).find("$or"), std::string::npos);
}

TEST(MongoMapping, FeedbackFilterNewestFirst) {
  const BsonPtr by_product = feedback_filter(FeedbackKey::product, "SKU-2", {0, 50}, PageCursor{40, "f-7"});
  EXPECT_EQ(canonical(by_product.get()),
            R"({ "product_sku" : "SKU-2", "created_at" : { "$gte" : { "$date" : { "$numberLong" : "0" } }, )"
            R"("$lt" : { "$date" : { "$numberLong" : "50" } } }, "$or" : [ { "created_at" : { "$lt" : )"
            R"({ "$date" : { "$numberLong" : "40" } } } }, { "created_at" : { "$date" : { "$numberLong" : "40" } }, )"
            R"("_id" : { "$lt" : "f-7" } } ] })");
  const BsonPtr by_time = feedback_filter(FeedbackKey::time, "ignored", {0, 50}, std::nullopt);
  EXPECT_EQ(canonical(by_time.get()),
            R"({ "created_at" : { "$gte" : { "$date" : { "$numberLong" : "0" } }, )"
            R"("$lt" : { "$date" : { "$numberLong" : "50" } } } })");
  const BsonPtr options = feedback_find_options(11);
  EXPECT_EQ(canonical(options.get()),
            R"({ "sort" : { "created_at" : { "$numberInt" : "-1" }, "_id" : { "$numberInt" : "-1" } }, )"
            R"("limit" : { "$numberLong" : "11" } })");
}

TEST(MongoMapping, EventOptionsPageOrStream) {
  EXPECT_EQ(canonical(events_find_options(51).get()),
            R"({ "sort" : { "occurred_at" : { "$numberInt" : "1" }, "_id" : { "$numberInt" : "1" } }, )"
            R"("limit" : { "$numberLong" : "51" } })");
  EXPECT_NE(canonical(events_find_options(std::nullopt).get()).find("batchSize"), std::string::npos);
}

TEST(MongoMapping, IndexesCoverEveryQuery) {
  EXPECT_EQ(canonical(events_index_command().get()),
            R"({ "createIndexes" : "events", "indexes" : [ { "key" : { "customer_id" : { "$numberInt" : "1" }, )"
            R"("occurred_at" : { "$numberInt" : "1" }, "_id" : { "$numberInt" : "1" } }, "name" : "customer_time" }, )"
            R"({ "key" : { "occurred_at" : { "$numberInt" : "1" }, "_id" : { "$numberInt" : "1" } }, "name" : "time" } ] })");
  const std::string feedback = canonical(feedback_index_command().get());
  EXPECT_NE(feedback.find(R"("name" : "customer_time")"), std::string::npos);
  EXPECT_NE(feedback.find(R"("name" : "product_time")"), std::string::npos);
  EXPECT_NE(feedback.find(R"("name" : "time")"), std::string::npos);
}

TEST(MongoMapping, EraseFilters) {
  EXPECT_EQ(canonical(customer_filter("c-1").get()), R"({ "customer_id" : "c-1" })");
  EXPECT_EQ(canonical(id_filter("c-1").get()), R"({ "_id" : "c-1" })");
}

}  // namespace
}  // namespace patron::documents::mongo
