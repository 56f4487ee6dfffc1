#include <string_view>

#include "storage/documents/document_store.h"
#include "storage/documents/mongo_store.h"
#include "storage/documents/rocksdb_store.h"

namespace patron::documents {
namespace {

constexpr std::string_view kRocksScheme = "rocksdb://";

}  // namespace

Result<std::unique_ptr<DocumentStore>> open_document_store(const std::string& uri, OpenMode mode) {
  const std::string_view text = uri;
  if (text.starts_with(kRocksScheme)) {
    const std::string path(text.substr(kRocksScheme.size()));
    if (path.empty()) return Error::validation("DOCUMENT_STORE", "rocksdb:// needs a path, e.g. rocksdb://var/documents");
    auto store =
        mode == OpenMode::read_only ? RocksDocumentStore::open_read_only(path) : RocksDocumentStore::open(path);
    if (!store) return store.error();
    return std::unique_ptr<DocumentStore>(std::move(store).value());
  }
  if (text.starts_with("mongodb://") || text.starts_with("mongodb+srv://")) {
    auto store = MongoDocumentStore::open(uri);
    if (!store) return store.error();
    return std::unique_ptr<DocumentStore>(std::move(store).value());
  }
  return Error::validation("DOCUMENT_STORE", "expected rocksdb://PATH or mongodb://..., got \"" + uri + "\"");
}

}  // namespace patron::documents
