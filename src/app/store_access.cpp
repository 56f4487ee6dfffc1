#include "app/store_access.h"

#include <ctime>
#include <filesystem>
#include <iostream>

#include "app/config.h"
#include "app/server_logging.h"
#include "storage/sql/database.h"
#include "storage/sql/migrations.h"

namespace patron::app {

void fail_store_command(const std::string& message) {
  std::cerr << "error: " << redact_url_credentials(message) << "\n";
  throw CLI::RuntimeError(1);
}

std::unique_ptr<soci::session> open_store() {
  const Config config = load_config();
  auto url = sql::parse_database_url(config.database_url);
  if (!url.ok()) fail_store_command(url.error().message);
  auto session = sql::open_session(*url);
  sql::migrate(*session, url->dialect);
  return session;
}

Result<std::unique_ptr<documents::DocumentStore>> open_events_store() {
  return documents::open_document_store(load_config().document_store, documents::OpenMode::read_only);
}

std::int64_t now_seconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::size_t file_size_of(const std::string& path) {
  std::error_code ignored;
  const auto size = std::filesystem::file_size(path, ignored);
  return ignored ? 0 : static_cast<std::size_t>(size);
}

}  // namespace patron::app
