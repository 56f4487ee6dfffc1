#include "storage/documents/rocksdb_store.h"

#include <cassert>
#include <vector>

#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include "storage/documents/json_codec.h"
#include "storage/documents/page_cursor.h"
#include "storage/documents/rocksdb_keys.h"
#include "storage/documents/rocksdb_status.h"

namespace patron::documents {
namespace {

using rocks::to_error;
using rocks::to_status;

// A lease covers many batches so the synced lease write is rare.
constexpr std::uint64_t kSequenceLeaseSize = 1'000'000;
constexpr std::string_view kSequenceLeaseKey = "event_sequence_leased_until";
// Erasing a customer deletes events in bounded batches; a crash midway leaves
// fewer events and a retry finishes the job (erase is idempotent).
constexpr std::size_t kEraseChunkKeys = 10'000;

rocksdb::Slice slice(std::string_view bytes) { return {bytes.data(), bytes.size()}; }
std::string_view view(const rocksdb::Slice& bytes) { return {bytes.data(), bytes.size()}; }

// tests/power_cut compiles this file once more, into a test binary only, with
// PATRON_TEST_SKIP_SYNC defined: its writes skip their WAL sync, to show that
// the power-cut test fails when they do. Every other build syncs as documented.
#ifdef PATRON_TEST_SKIP_SYNC
constexpr bool kSyncSkippedForATest = true;
#else
constexpr bool kSyncSkippedForATest = false;
#endif

rocksdb::Options database_options(rocksdb::Env* env) {
  rocksdb::Options options;
  if (env != nullptr) options.env = env;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_background_jobs = 2;  // the machine has two cores shared with the server
  // Concurrent writers: the WAL write and the memtable insert of successive
  // groups overlap, and each group shares one fsync (group commit).
  options.enable_pipelined_write = true;
  return options;
}

// Events arrive fast: most of an append is the memtable's skip-list insert,
// which gets slower as the memtable grows, so memtables stay small (16 MiB
// measured best with bench/documents: 128 MiB gave 148k events/s, 32 MiB
// 192k, 16 MiB 211-223k, 8 MiB no better and more files to compact). The
// freshest levels stay uncompressed so flushing costs the two shared cores
// as little as possible; older levels compress (LZ4) to save disk.
rocksdb::ColumnFamilyOptions family_options() {
  rocksdb::ColumnFamilyOptions options;
  options.write_buffer_size = 16 << 20;
  options.max_write_buffer_number = 4;
  options.compression_per_level = {rocksdb::kNoCompression,  rocksdb::kNoCompression,  rocksdb::kLZ4Compression,
                                   rocksdb::kLZ4Compression, rocksdb::kLZ4Compression, rocksdb::kLZ4Compression,
                                   rocksdb::kLZ4Compression};
  return options;
}

}  // namespace

const std::array<const char*, RocksDocumentStore::kFamilyCount> RocksDocumentStore::kFamilyNames = {
    "default" /* rocksdb::kDefaultColumnFamilyName, spelled out: no cross-library static init */,
    "events",
    "events_by_time",
    "preferences",
    "feedback",
    "feedback_by_customer",
    "feedback_by_product",
    "feedback_by_time"};

Result<std::unique_ptr<RocksDocumentStore>> RocksDocumentStore::open(const std::string& path, RocksOptions options) {
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const char* name : kFamilyNames) descriptors.emplace_back(name, family_options());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw_db = nullptr;
  const auto status = rocksdb::DB::Open(database_options(options.env), path, descriptors, &handles, &raw_db);
  if (!status.ok()) return to_error(status, "open");
  assert(handles.size() == kFamilyCount);
  std::array<rocksdb::ColumnFamilyHandle*, kFamilyCount> families{};
  for (std::size_t i = 0; i < kFamilyCount; ++i) families[i] = handles[i];
  std::unique_ptr<RocksDocumentStore> store(
      new RocksDocumentStore(std::unique_ptr<rocksdb::DB>(raw_db), families, options));
  if (auto lease = store->load_sequence_lease(); !lease) return lease.error();
  return store;
}

RocksDocumentStore::RocksDocumentStore(std::unique_ptr<rocksdb::DB> db,
                                       std::array<rocksdb::ColumnFamilyHandle*, kFamilyCount> families,
                                       RocksOptions options)
    : db_(std::move(db)), families_(families) {
  write_options_.sync = options.sync_writes && !kSyncSkippedForATest;
  write_options_.disableWAL = false;
}

RocksDocumentStore::~RocksDocumentStore() {
  for (auto* handle : families_) {
    if (handle != nullptr) db_->DestroyColumnFamilyHandle(handle);
  }
  db_->Close();
  if (!secondary_dir_.empty()) {
    std::error_code ignored;  // a leftover temp dir is not worth failing a close for
    std::filesystem::remove_all(secondary_dir_, ignored);
  }
}

std::shared_ptr<const rocksdb::Snapshot> RocksDocumentStore::pin_view() const {
  if (!secondary_dir_.empty()) return nullptr;
  rocksdb::DB* db = db_.get();
  return {db->GetSnapshot(), [db](const rocksdb::Snapshot* snapshot) { db->ReleaseSnapshot(snapshot); }};
}

Status RocksDocumentStore::load_sequence_lease() {
  std::string value;
  const auto status = db_->Get(rocksdb::ReadOptions(), family(kMeta), slice(kSequenceLeaseKey), &value);
  if (status.IsNotFound()) return ok_status();  // a new database starts at 0
  if (!status.ok()) return to_error(status, "read sequence lease");
  const auto leased_until = rocks::read_u64(value);
  if (!leased_until) return Error{ErrorCode::internal, "document store: corrupt sequence lease", {}};
  // Numbers of the last lease may have been used before a crash: skip them all.
  next_sequence_ = *leased_until;
  leased_until_ = *leased_until;
  return ok_status();
}

Result<std::uint64_t> RocksDocumentStore::reserve_sequence(std::size_t count) {
  std::lock_guard lock(sequence_mutex_);
  if (next_sequence_ + count > leased_until_) {
    const std::uint64_t new_end = next_sequence_ + count + kSequenceLeaseSize;
    std::string value;
    rocks::append_u64(value, new_end);
    rocksdb::WriteOptions durable = write_options_;
    durable.sync = !kSyncSkippedForATest;  // the lease must be on disk before its numbers are
    if (auto s = to_status(db_->Put(durable, family(kMeta), slice(kSequenceLeaseKey), value), "lease sequence"); !s) {
      return s.error();
    }
    leased_until_ = new_end;
  }
  const std::uint64_t first = next_sequence_;
  next_sequence_ += count;
  assert(next_sequence_ <= leased_until_);
  return first;
}

Result<std::size_t> RocksDocumentStore::store_events(std::span<const Event> events, std::int64_t received_at_ms) {
  auto first_sequence = reserve_sequence(events.size());
  if (!first_sequence) return first_sequence.error();
  rocksdb::WriteBatch batch;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& event = events[i];
    const std::uint64_t sequence = first_sequence.value() + i;
    std::string value;
    if (event.received_at_ms == 0) {
      Event stamped = event;
      stamped.received_at_ms = received_at_ms;
      value = event_to_json(stamped);
    } else {
      value = event_to_json(event);
    }
    batch.Put(family(kEvents), rocks::event_key(event.customer_id, event.occurred_at_ms, sequence), value);
    batch.Put(family(kEventsByTime), rocks::event_time_key(event.occurred_at_ms, sequence), value);
  }
  if (auto s = to_status(db_->Write(write_options_, &batch), "append events"); !s) return s.error();
  return events.size();
}

Result<EventPage> RocksDocumentStore::events_of_customer(std::string_view customer_id, TimeRange range,
                                                         const PageRequest& page) {
  const std::string prefix = rocks::owner_prefix(customer_id);
  std::string start_key = rocks::event_key(customer_id, range.from_ms, 0);
  bool skip_cursor_item = false;
  if (!page.cursor.empty()) {
    auto cursor = decode_cursor(page.cursor);
    if (!cursor) return cursor.error();
    const auto sequence = rocks::read_u64(cursor->tiebreak);
    if (!sequence || cursor->tiebreak.size() != rocks::kSeqBytes) return decode_cursor("").error();
    const std::string cursor_key = rocks::event_key(customer_id, cursor->time_ms, *sequence);
    if (cursor_key > start_key) {
      start_key = cursor_key;
      skip_cursor_item = true;
    }
  }
  std::string upper = prefix;
  rocks::append_time(upper, range.to_ms);
  const rocksdb::Slice upper_bound = slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_bound;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, family(kEvents)));
  it->Seek(slice(start_key));
  if (skip_cursor_item && it->Valid() && view(it->key()) == start_key) it->Next();
  EventPage result;
  std::string last_key;
  for (; it->Valid() && result.items.size() < page.limit; it->Next()) {
    auto event = event_from_json(view(it->value()));
    if (!event) return event.error();
    result.items.push_back(std::move(event).value());
    last_key.assign(it->key().data(), it->key().size());
  }
  if (auto s = to_status(it->status(), "scan customer events"); !s) return s.error();
  if (it->Valid()) {  // more remain: the cursor names the last item returned
    const auto tail = rocks::split_tail(last_key, prefix.size());
    if (!tail) return Error{ErrorCode::internal, "document store: corrupt event key", {}};
    result.next_cursor = encode_cursor({tail->time_ms, tail->tiebreak});
  }
  return result;
}

Status RocksDocumentStore::walk_events(TimeRange range, const EventVisitor& visitor) {
  // One consistent view for the whole walk (pin_view); the iterator streams
  // blocks, so memory stays bounded whatever the range holds.
  const auto pinned = pin_view();
  std::string lower;
  rocks::append_time(lower, range.from_ms);
  std::string upper;
  rocks::append_time(upper, range.to_ms);
  const rocksdb::Slice upper_bound = slice(upper);
  rocksdb::ReadOptions options;
  options.snapshot = pinned.get();
  options.iterate_upper_bound = &upper_bound;
  options.fill_cache = false;  // a full analytics pass must not evict the hot set
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, family(kEventsByTime)));
  for (it->Seek(slice(lower)); it->Valid(); it->Next()) {
    auto event = event_from_json(view(it->value()));
    if (!event) return event.error();
    if (!visitor(event.value())) break;
  }
  return to_status(it->status(), "scan events");
}

Result<std::optional<std::string>> RocksDocumentStore::read_preferences(std::string_view customer_id) {
  std::string value;
  const auto status = db_->Get(rocksdb::ReadOptions(), family(kPreferences), slice(customer_id), &value);
  if (status.IsNotFound()) return std::optional<std::string>();
  if (!status.ok()) return to_error(status, "read preferences");
  return std::optional<std::string>(std::move(value));
}

Status RocksDocumentStore::write_preferences(std::string_view customer_id, std::string_view json_object) {
  return to_status(db_->Put(write_options_, family(kPreferences), slice(customer_id), slice(json_object)),
                   "write preferences");
}

Result<std::size_t> RocksDocumentStore::erase_events_chunk(const std::string& prefix) {
  rocksdb::ReadOptions options;
  options.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, family(kEvents)));
  rocksdb::WriteBatch batch;
  std::size_t erased = 0;
  for (it->Seek(slice(prefix)); it->Valid() && it->key().starts_with(slice(prefix)) && erased < kEraseChunkKeys;
       it->Next()) {
    const std::string_view key = view(it->key());
    const auto tail = rocks::split_tail(key, prefix.size());
    const auto sequence = tail ? rocks::read_u64(tail->tiebreak) : std::nullopt;
    if (!sequence) return Error{ErrorCode::internal, "document store: corrupt event key", {}};
    batch.Delete(family(kEventsByTime), rocks::event_time_key(tail->time_ms, *sequence));
    batch.Delete(family(kEvents), slice(key));
    ++erased;
  }
  if (auto s = to_status(it->status(), "scan events to erase"); !s) return s.error();
  if (erased == 0) return erased;
  if (auto s = to_status(db_->Write(write_options_, &batch), "erase events"); !s) return s.error();
  return erased;
}

Result<ErasedCounts> RocksDocumentStore::erase_everything_of(std::string_view customer_id) {
  ErasedCounts counts;
  const std::string prefix = rocks::owner_prefix(customer_id);
  for (;;) {
    auto erased = erase_events_chunk(prefix);
    if (!erased) return erased.error();
    if (erased.value() == 0) break;
    counts.events += erased.value();
  }
  // Feedback and preferences are small: one atomic batch for both.
  std::lock_guard lock(feedback_mutex_);
  rocksdb::WriteBatch batch;
  auto feedback = erase_feedback(customer_id, batch);
  if (!feedback) return feedback.error();
  counts.feedback = feedback.value();
  std::string ignored;
  const auto found = db_->Get(rocksdb::ReadOptions(), family(kPreferences), slice(customer_id), &ignored);
  if (!found.ok() && !found.IsNotFound()) return to_error(found, "read preferences");
  if (found.ok()) {
    counts.preferences = 1;
    batch.Delete(family(kPreferences), slice(customer_id));
  }
  if (batch.Count() > 0) {
    if (auto s = to_status(db_->Write(write_options_, &batch), "erase customer"); !s) return s.error();
  }
  return counts;
}

}  // namespace patron::documents
