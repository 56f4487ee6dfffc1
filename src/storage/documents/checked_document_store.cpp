#include "storage/documents/checked_document_store.h"

#include <string>

#include "storage/documents/stamps.h"
#include "storage/documents/validation.h"

namespace patron::documents {

Result<std::size_t> CheckedDocumentStore::append_events(std::span<const Event> events) {
  if (auto s = validate_event_batch(events); !s) return s.error();
  return store_events(events, now_ms());
}

Result<EventPage> CheckedDocumentStore::customer_events(std::string_view customer_id, TimeRange range,
                                                        const PageRequest& page) {
  if (auto s = validate_customer_id(customer_id); !s) return s.error();
  if (auto s = validate_time_range(range); !s) return s.error();
  if (auto s = validate_page(page, kMaxEventPageLimit); !s) return s.error();
  return events_of_customer(customer_id, range, page);
}

Status CheckedDocumentStore::visit_events(TimeRange range, const EventVisitor& visitor) {
  if (auto s = validate_time_range(range); !s) return s;
  return walk_events(range, visitor);
}

Result<std::optional<std::string>> CheckedDocumentStore::get_preferences(std::string_view customer_id) {
  if (auto s = validate_customer_id(customer_id); !s) return s.error();
  return read_preferences(customer_id);
}

Status CheckedDocumentStore::put_preferences(std::string_view customer_id, std::string_view json_object) {
  if (auto s = validate_customer_id(customer_id); !s) return s;
  if (auto s = validate_preferences(json_object); !s) return s;
  return write_preferences(customer_id, json_object);
}

Result<std::string> CheckedDocumentStore::add_feedback(const Feedback& feedback) {
  if (auto s = validate_feedback(feedback); !s) return s.error();
  Feedback stamped = feedback;
  if (stamped.id.empty()) stamped.id = new_record_id();
  if (stamped.created_at_ms == 0) stamped.created_at_ms = now_ms();
  return insert_feedback(stamped);
}

Result<FeedbackPage> CheckedDocumentStore::feedback_by_customer(std::string_view customer_id, const PageRequest& page) {
  if (auto s = validate_customer_id(customer_id); !s) return s.error();
  return list_feedback(FeedbackKey::customer, customer_id, TimeRange::all(), page);
}

Result<FeedbackPage> CheckedDocumentStore::feedback_by_product(std::string_view product_sku, const PageRequest& page) {
  if (product_sku.empty() || product_sku.size() > kMaxIdBytes) {
    return Error::validation("product_sku", "must be 1-" + std::to_string(kMaxIdBytes) + " bytes");
  }
  return list_feedback(FeedbackKey::product, product_sku, TimeRange::all(), page);
}

Result<FeedbackPage> CheckedDocumentStore::feedback_between(TimeRange range, const PageRequest& page) {
  return list_feedback(FeedbackKey::time, {}, range, page);
}

Result<FeedbackPage> CheckedDocumentStore::list_feedback(FeedbackKey key, std::string_view key_value, TimeRange range,
                                                         const PageRequest& page) {
  if (auto s = validate_time_range(range); !s) return s.error();
  if (auto s = validate_page(page, kMaxPageLimit); !s) return s.error();
  return feedback_newest_first(key, key_value, range, page);
}

Result<ErasedCounts> CheckedDocumentStore::erase_customer(std::string_view customer_id) {
  if (auto s = validate_customer_id(customer_id); !s) return s.error();
  return erase_everything_of(customer_id);
}

}  // namespace patron::documents
