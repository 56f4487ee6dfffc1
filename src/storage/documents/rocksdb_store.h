#pragma once
// The embedded adapter (the default, `rocksdb://var/documents`): one column
// family per collection and per secondary index, keys as in rocksdb_keys.h,
// each write one atomic WriteBatch, acknowledged only after the WAL is synced.
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include <rocksdb/db.h>

#include "storage/documents/checked_document_store.h"

namespace patron::documents {

struct RocksOptions {
  // fsync the WAL before a write returns. Events answered 202 must survive
  // SIGKILL and power loss; RocksDB group-commits concurrent writers into one
  // fsync, so throughput comes from batching, not from turning this off.
  // false exists only so the benchmark can show what syncing costs.
  bool sync_writes = true;
  // The file system under the database; null means RocksDB's default. A test
  // seam: tests/power_cut passes one that simulates a power cut. Not owned; it
  // must outlive the store.
  rocksdb::Env* env = nullptr;
};

class RocksDocumentStore final : public CheckedDocumentStore {
 public:
  static Result<std::unique_ptr<RocksDocumentStore>> open(const std::string& path, RocksOptions options = {});
  // A reader beside the process that holds the directory (the server): a
  // RocksDB secondary instance, which takes no LOCK, caught up with the
  // primary's MANIFEST and WAL once at open, so it sees every acknowledged
  // write up to then. RocksDB documents OpenForReadOnly beside a live primary
  // as undefined behaviour (rocksdb/db.h), hence the secondary. Its own info
  // log lives in a temp dir removed on close. Writes fail as unavailable.
  // The directory must exist: nothing is created.
  static Result<std::unique_ptr<RocksDocumentStore>> open_read_only(const std::string& path);
  ~RocksDocumentStore() override;
  RocksDocumentStore(const RocksDocumentStore&) = delete;
  RocksDocumentStore& operator=(const RocksDocumentStore&) = delete;

 private:
  enum Family : std::size_t {
    kMeta,  // RocksDB's "default" family: the sequence lease
    kEvents,
    kEventsByTime,
    kPreferences,
    kFeedback,
    kFeedbackByCustomer,
    kFeedbackByProduct,
    kFeedbackByTime,
    kFamilyCount,
  };
  static const std::array<const char*, kFamilyCount> kFamilyNames;

  RocksDocumentStore(std::unique_ptr<rocksdb::DB> db, std::array<rocksdb::ColumnFamilyHandle*, kFamilyCount> families,
                     RocksOptions options);
  rocksdb::ColumnFamilyHandle* family(Family which) const { return families_[which]; }
  Status load_sequence_lease();

  // Each hook of CheckedDocumentStore, with the helpers that serve it.
  Result<std::size_t> store_events(std::span<const Event> events, std::int64_t received_at_ms) override;
  Result<std::uint64_t> reserve_sequence(std::size_t count);
  Result<EventPage> events_of_customer(std::string_view customer_id, TimeRange range, const PageRequest& page) override;
  Status walk_events(TimeRange range, const EventVisitor& visitor) override;
  // One consistent view for a walk of several reads (events, feedback): a
  // snapshot on the primary; null (no snapshot) on a secondary, whose view
  // moves only when it catches up, which it does once at open, and whose
  // iterators refuse snapshots in RocksDB 7.8.
  std::shared_ptr<const rocksdb::Snapshot> pin_view() const;

  Result<std::optional<std::string>> read_preferences(std::string_view customer_id) override;
  Status write_preferences(std::string_view customer_id, std::string_view json_object) override;

  Result<std::string> insert_feedback(const Feedback& stamped) override;
  Result<FeedbackPage> feedback_newest_first(FeedbackKey key, std::string_view key_value, TimeRange range,
                                             const PageRequest& page) override;
  Result<FeedbackPage> walk_feedback_index(Family index, const std::string& prefix, TimeRange range,
                                           const PageRequest& page);

  Result<ErasedCounts> erase_everything_of(std::string_view customer_id) override;
  Result<std::size_t> erase_events_chunk(const std::string& prefix);
  Result<std::size_t> erase_feedback(std::string_view customer_id, rocksdb::WriteBatch& batch);

  std::unique_ptr<rocksdb::DB> db_;
  std::filesystem::path secondary_dir_;  // empty for the primary
  std::array<rocksdb::ColumnFamilyHandle*, kFamilyCount> families_{};
  rocksdb::WriteOptions write_options_;

  // Event keys end in a sequence number unique for the life of the database.
  // Numbers are leased in blocks whose end is persisted (synced) before any
  // number of the block is used, so a restart resumes past every used one.
  std::mutex sequence_mutex_;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t leased_until_ = 0;

  // add_feedback checks the id is free, then writes: one writer at a time.
  std::mutex feedback_mutex_;
};

}  // namespace patron::documents
