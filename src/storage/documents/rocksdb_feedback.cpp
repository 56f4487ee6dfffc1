// The feedback half of the RocksDB adapter: a primary family by id and three
// index families (by customer, by product, by time) written in one batch.
#include <cassert>

#include <rocksdb/write_batch.h>

#include "storage/documents/json_codec.h"
#include "storage/documents/page_cursor.h"
#include "storage/documents/rocksdb_keys.h"
#include "storage/documents/rocksdb_status.h"
#include "storage/documents/rocksdb_store.h"

namespace patron::documents {
namespace {

using rocks::to_error;
using rocks::to_status;

rocksdb::Slice slice(std::string_view bytes) { return {bytes.data(), bytes.size()}; }
std::string_view view(const rocksdb::Slice& bytes) { return {bytes.data(), bytes.size()}; }

Error corrupt_index() { return Error{ErrorCode::internal, "document store: feedback index without its record", {}}; }

}  // namespace

Result<std::string> RocksDocumentStore::insert_feedback(const Feedback& stored) {
  std::lock_guard lock(feedback_mutex_);
  std::string existing;
  const auto found = db_->Get(rocksdb::ReadOptions(), family(kFeedback), slice(stored.id), &existing);
  if (found.ok()) return Error::conflict("feedback " + stored.id + " already exists");
  if (!found.IsNotFound()) return to_error(found, "read feedback");

  rocksdb::WriteBatch batch;
  batch.Put(family(kFeedback), slice(stored.id), feedback_to_json(stored));
  batch.Put(family(kFeedbackByCustomer), rocks::feedback_index_key(stored.customer_id, stored.created_at_ms, stored.id),
            rocksdb::Slice());
  if (!stored.product_sku.empty()) {
    batch.Put(family(kFeedbackByProduct),
              rocks::feedback_index_key(stored.product_sku, stored.created_at_ms, stored.id), rocksdb::Slice());
  }
  batch.Put(family(kFeedbackByTime), rocks::feedback_time_key(stored.created_at_ms, stored.id), rocksdb::Slice());
  if (auto s = to_status(db_->Write(write_options_, &batch), "add feedback"); !s) return s.error();
  return stored.id;
}

Result<FeedbackPage> RocksDocumentStore::feedback_newest_first(FeedbackKey key, std::string_view key_value,
                                                               TimeRange range, const PageRequest& page) {
  switch (key) {
    case FeedbackKey::customer:
      return walk_feedback_index(kFeedbackByCustomer, rocks::owner_prefix(key_value), range, page);
    case FeedbackKey::product:
      return walk_feedback_index(kFeedbackByProduct, rocks::owner_prefix(key_value), range, page);
    case FeedbackKey::time:
      break;
  }
  return walk_feedback_index(kFeedbackByTime, std::string(), range, page);
}

// Walks an index family backwards from the newest key in `range` (or from just
// before the cursor) and loads each record, all from one snapshot so the
// index and the records agree even while an erase runs.
Result<FeedbackPage> RocksDocumentStore::walk_feedback_index(Family index, const std::string& prefix, TimeRange range,
                                                             const PageRequest& page) {
  std::string lower = prefix;
  rocks::append_time(lower, range.from_ms);
  std::string start = prefix;
  rocks::append_time(start, range.to_ms);  // ids are never empty, so no key equals this
  if (!page.cursor.empty()) {
    auto cursor = decode_cursor(page.cursor);
    if (!cursor) return cursor.error();
    std::string cursor_key = prefix;
    rocks::append_time(cursor_key, cursor->time_ms);
    cursor_key += cursor->tiebreak;
    if (cursor_key < start) start = std::move(cursor_key);
  }
  const auto pinned = pin_view();
  const rocksdb::Slice lower_bound = slice(lower);
  rocksdb::ReadOptions options;
  options.snapshot = pinned.get();
  options.iterate_lower_bound = &lower_bound;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, family(index)));
  it->SeekForPrev(slice(start));
  if (it->Valid() && view(it->key()) == start) it->Prev();  // the cursor's own item was already returned

  FeedbackPage result;
  std::optional<rocks::KeyTail> last_tail;
  for (; it->Valid() && result.items.size() < page.limit; it->Prev()) {
    auto tail = rocks::split_tail(view(it->key()), prefix.size());
    if (!tail) return corrupt_index();
    std::string record;
    const auto found = db_->Get(options, family(kFeedback), slice(tail->tiebreak), &record);
    if (found.IsNotFound()) return corrupt_index();
    if (!found.ok()) return to_error(found, "read feedback");
    auto feedback = feedback_from_json(record);
    if (!feedback) return feedback.error();
    result.items.push_back(std::move(feedback).value());
    last_tail = std::move(tail);
  }
  if (auto s = to_status(it->status(), "scan feedback"); !s) return s.error();
  if (it->Valid() && last_tail) result.next_cursor = encode_cursor({last_tail->time_ms, last_tail->tiebreak});
  return result;
}

// Adds to `batch` the deletion of every feedback record of the customer and
// of its index entries; returns how many records.
Result<std::size_t> RocksDocumentStore::erase_feedback(std::string_view customer_id, rocksdb::WriteBatch& batch) {
  const std::string prefix = rocks::owner_prefix(customer_id);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), family(kFeedbackByCustomer)));
  std::size_t erased = 0;
  for (it->Seek(slice(prefix)); it->Valid() && it->key().starts_with(slice(prefix)); it->Next()) {
    const auto tail = rocks::split_tail(view(it->key()), prefix.size());
    if (!tail) return corrupt_index();
    std::string record;
    const auto found = db_->Get(rocksdb::ReadOptions(), family(kFeedback), slice(tail->tiebreak), &record);
    if (found.ok()) {
      auto feedback = feedback_from_json(record);
      if (!feedback) return feedback.error();
      if (!feedback->product_sku.empty()) {
        batch.Delete(family(kFeedbackByProduct),
                     rocks::feedback_index_key(feedback->product_sku, feedback->created_at_ms, feedback->id));
      }
      batch.Delete(family(kFeedback), slice(tail->tiebreak));
      ++erased;
    } else if (!found.IsNotFound()) {
      return to_error(found, "read feedback");
    }
    batch.Delete(family(kFeedbackByTime), rocks::feedback_time_key(tail->time_ms, tail->tiebreak));
    batch.Delete(family(kFeedbackByCustomer), it->key());
  }
  if (auto s = to_status(it->status(), "scan feedback to erase"); !s) return s.error();
  return erased;
}

}  // namespace patron::documents
