#pragma once
// The behaviour store port: customer events, feedback and preferences, kept
// apart from the ledger. One abstract class of a few verbs (LevelDB's DB idea);
// the RocksDB and MongoDB adapters live behind it and are chosen by URI in
// open_document_store(). Expected failures (bad input, a store that is down)
// come back as Result/Status values; exceptions are for bugs only.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/behaviour_records.h"
#include "domain/result.h"
#include "storage/documents/limits.h"

namespace patron::documents {

// The records are the domain's (domain/behaviour_records.h).
using patron::ErasedCounts;
using patron::Event;
using patron::EventPage;
using patron::EventType;
using patron::Feedback;
using patron::FeedbackPage;
using patron::PageRequest;
using patron::parse_event_type;
using patron::TimeRange;
using patron::to_string;

// Called once per event, oldest first; return false to stop early.
using EventVisitor = std::function<bool(const Event&)>;

class DocumentStore {
 public:
  virtual ~DocumentStore() = default;

  // Stores 1..kMaxEventsPerBatch events all-or-nothing, durably: once this
  // returns ok the events survive a crash (the API answers 202 after it).
  virtual Result<std::size_t> append_events(std::span<const Event> events) = 0;

  // One customer's events with occurred_at in `range`, oldest first;
  // page.limit up to kMaxEventPageLimit.
  virtual Result<EventPage> customer_events(std::string_view customer_id, TimeRange range, const PageRequest& page) = 0;

  // Every event with occurred_at in `range`, oldest first, read from one
  // consistent snapshot in bounded memory (for analytics).
  virtual Status visit_events(TimeRange range, const EventVisitor& visitor) = 0;

  // The customer's preferences as a JSON object text; nullopt if never set.
  virtual Result<std::optional<std::string>> get_preferences(std::string_view customer_id) = 0;
  // Replaces the whole document; json_object must be a JSON object of at most
  // kMaxPreferencesBytes.
  virtual Status put_preferences(std::string_view customer_id, std::string_view json_object) = 0;

  // Returns the feedback's id (the given one, or a new one when empty);
  // conflict if the given id already exists.
  virtual Result<std::string> add_feedback(const Feedback& feedback) = 0;
  virtual Result<FeedbackPage> feedback_by_customer(std::string_view customer_id, const PageRequest& page) = 0;
  virtual Result<FeedbackPage> feedback_by_product(std::string_view product_sku, const PageRequest& page) = 0;
  virtual Result<FeedbackPage> feedback_between(TimeRange range, const PageRequest& page) = 0;

  // Removes the customer's events, feedback and preferences in every
  // collection (right to erasure); erasing an unknown customer is ok with zeros.
  virtual Result<ErasedCounts> erase_customer(std::string_view customer_id) = 0;
};

// read_write: the server's handle; RocksDB allows one per directory (LOCK).
// read_only: a reader that runs beside it (`patron analyze` while `patron
// serve` is up): for RocksDB a secondary instance that takes no lock and
// creates nothing, whose writes fail as unavailable; MongoDB connects as
// usual (its writes are not refused: read-only is the caller's promise there).
enum class OpenMode { read_write, read_only };

// "rocksdb://var/documents" (relative or absolute path) or any "mongodb://..."
// / "mongodb+srv://..." connection string (database from its path, default
// "patron"). Opening read-write creates what is missing (column families,
// indexes). Errors: validation_failed for an unknown scheme, unavailable when
// the store cannot be opened (read-only: also when it does not exist yet).
Result<std::unique_ptr<DocumentStore>> open_document_store(const std::string& uri,
                                                           OpenMode mode = OpenMode::read_write);

}  // namespace patron::documents
