#pragma once
// What the store commands share: failing with a message and exit status 1,
// and opening the SQL store (migrated) and the behaviour store (read-only).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <soci/soci.h>
#include <CLI/CLI.hpp>

#include "domain/result.h"
#include "storage/documents/document_store.h"

namespace patron::app {

// Prints "error: ..." (credentials in URLs redacted) and exits the command with status 1.
[[noreturn]] void fail_store_command(const std::string& message);

// Runs a command body, turning failures into a message and exit status 1.
template <typename Body>
void guarded(Body&& body) {
  try {
    body();
  } catch (const CLI::Error&) {
    throw;
  } catch (const std::exception& e) {
    fail_store_command(e.what());
  }
}

std::unique_ptr<soci::session> open_store();
// The behaviour store as a reader beside a running `patron serve` (which
// holds RocksDB's lock): DOCUMENT_STORE / MONGO_URI opened read-only.
Result<std::unique_ptr<documents::DocumentStore>> open_events_store();
std::int64_t now_seconds();
std::size_t file_size_of(const std::string& path);  // 0 when it cannot be read

}  // namespace patron::app
