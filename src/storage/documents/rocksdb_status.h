#pragma once
// RocksDB statuses as the port's errors, in one place for every adapter file.
#include <string>

#include <rocksdb/status.h>

#include "domain/result.h"

namespace patron::documents::rocks {

inline Error to_error(const rocksdb::Status& status, const char* operation) {
  // Corruption is a bug or a broken disk; everything else (I/O, busy, lock
  // held by another process, out of space) is the store being unavailable.
  const ErrorCode code = status.IsCorruption() ? ErrorCode::internal : ErrorCode::unavailable;
  return Error{code, std::string("document store: ") + operation + ": " + status.ToString(), {}};
}

inline Status to_status(const rocksdb::Status& status, const char* operation) {
  if (status.ok()) return ok_status();
  return to_error(status, operation);
}

}  // namespace patron::documents::rocks
