#pragma once
// What every adapter of the DocumentStore port does before its engine is
// involved: each verb checks its input as validation.h says (so no store
// holds what the API would refuse) and stamps what the store fills in (an
// event's received_at, a feedback's id and created_at); then it hands the
// adapter's hook only input it may store. The three feedback lists are one
// hook, walked newest first along the index that FeedbackKey names.
#include <cstdint>

#include "storage/documents/document_store.h"

namespace patron::documents {

enum class FeedbackKey { customer, product, time };

class CheckedDocumentStore : public DocumentStore {
 public:
  Result<std::size_t> append_events(std::span<const Event> events) final;
  Result<EventPage> customer_events(std::string_view customer_id, TimeRange range, const PageRequest& page) final;
  Status visit_events(TimeRange range, const EventVisitor& visitor) final;
  Result<std::optional<std::string>> get_preferences(std::string_view customer_id) final;
  Status put_preferences(std::string_view customer_id, std::string_view json_object) final;
  Result<std::string> add_feedback(const Feedback& feedback) final;
  Result<FeedbackPage> feedback_by_customer(std::string_view customer_id, const PageRequest& page) final;
  Result<FeedbackPage> feedback_by_product(std::string_view product_sku, const PageRequest& page) final;
  Result<FeedbackPage> feedback_between(TimeRange range, const PageRequest& page) final;
  Result<ErasedCounts> erase_customer(std::string_view customer_id) final;

 protected:
  // Each hook gets checked input; an event whose received_at_ms is 0 takes
  // `received_at_ms`. The page's cursor is the adapter's to decode.
  virtual Result<std::size_t> store_events(std::span<const Event> events, std::int64_t received_at_ms) = 0;
  virtual Result<EventPage> events_of_customer(std::string_view customer_id, TimeRange range,
                                               const PageRequest& page) = 0;
  virtual Status walk_events(TimeRange range, const EventVisitor& visitor) = 0;
  virtual Result<std::optional<std::string>> read_preferences(std::string_view customer_id) = 0;
  virtual Status write_preferences(std::string_view customer_id, std::string_view json_object) = 0;
  virtual Result<std::string> insert_feedback(const Feedback& stamped) = 0;
  // key_value is the customer id or the sku; empty for FeedbackKey::time.
  virtual Result<FeedbackPage> feedback_newest_first(FeedbackKey key, std::string_view key_value, TimeRange range,
                                                     const PageRequest& page) = 0;
  virtual Result<ErasedCounts> erase_everything_of(std::string_view customer_id) = 0;

 private:
  Result<FeedbackPage> list_feedback(FeedbackKey key, std::string_view key_value, TimeRange range,
                                     const PageRequest& page);
};

}  // namespace patron::documents
