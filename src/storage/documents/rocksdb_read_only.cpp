// RocksDocumentStore::open_read_only: a secondary instance, so `patron
// analyze` can read the events while `patron serve` holds the LOCK.
#include <cassert>
#include <cstdlib>
#include <vector>

#include <rocksdb/options.h>

#include "storage/documents/rocksdb_status.h"
#include "storage/documents/rocksdb_store.h"

namespace patron::documents {
namespace {

using rocks::to_error;

// mkdtemp: a fresh directory of our own, never one another reader uses.
Result<std::filesystem::path> make_secondary_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "patron-documents-reader-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return Error{ErrorCode::unavailable, "document store: cannot create a temp dir for the reader", {}};
  }
  return std::filesystem::path(pattern);
}

rocksdb::DBOptions secondary_options() {
  rocksdb::DBOptions options;
  options.create_if_missing = false;
  options.create_missing_column_families = false;
  // Required of a secondary: it keeps every table file open, so a file the
  // primary compacts away mid-scan stays readable until we close.
  options.max_open_files = -1;
  options.max_background_jobs = 1;  // it never flushes or compacts
  return options;
}

}  // namespace

Result<std::unique_ptr<RocksDocumentStore>> RocksDocumentStore::open_read_only(const std::string& path) {
  if (!std::filesystem::exists(std::filesystem::path(path) / "CURRENT")) {
    return Error{ErrorCode::unavailable, "document store: no RocksDB database at " + path, {}};
  }
  auto secondary_dir = make_secondary_dir();
  if (!secondary_dir) return secondary_dir.error();
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const char* name : kFamilyNames) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw_db = nullptr;
  auto status =
      rocksdb::DB::OpenAsSecondary(secondary_options(), path, secondary_dir->string(), descriptors, &handles, &raw_db);
  if (!status.ok()) {
    std::error_code ignored;
    std::filesystem::remove_all(*secondary_dir, ignored);
    return to_error(status, "open read-only");
  }
  assert(handles.size() == kFamilyCount);
  std::array<rocksdb::ColumnFamilyHandle*, kFamilyCount> families{};
  for (std::size_t i = 0; i < kFamilyCount; ++i) families[i] = handles[i];
  std::unique_ptr<RocksDocumentStore> store(
      new RocksDocumentStore(std::unique_ptr<rocksdb::DB>(raw_db), families, RocksOptions{}));
  store->secondary_dir_ = std::move(secondary_dir).value();
  // Open replays what was on disk then; catching up once more picks up what
  // the primary wrote meanwhile. Reads come from one snapshot after this.
  status = store->db_->TryCatchUpWithPrimary();
  if (!status.ok()) return to_error(status, "catch up with the primary");
  return store;
}

}  // namespace patron::documents
