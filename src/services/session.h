#pragma once
// The handle of one SQL transaction (a read snapshot or a write job) as the
// services take it. Callers above the services hold one only to pass it on;
// the services reach the SQL port through it (stores()), whose SOCI adapters
// alone speak SQL.
#include <memory>

#include "storage/sql/stores.h"

namespace soci {
class session;
}

namespace patron::services {

// Both conversions are implicit on purpose: the read pool and the write queue
// hand out SOCI sessions, and the repositories take them back.
class Session {
 public:
  Session(soci::session& sql) : sql_(&sql), stores_(sql::stores_of(sql)) {}  // NOLINT(google-explicit-constructor)
  operator soci::session&() const { return *sql_; }                          // NOLINT(google-explicit-constructor)

  // The SQL side's port for this transaction: its stores, in the domain's words.
  sql::Stores& stores() const { return *stores_; }

 private:
  soci::session* sql_;
  std::shared_ptr<sql::Stores> stores_;  // shared by the copies handed to services
};

}  // namespace patron::services
