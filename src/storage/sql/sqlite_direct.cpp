#include "storage/sql/sqlite_direct.h"

#include <cstdint>
#include <string>

#include <soci/sqlite3/soci-sqlite3.h>

namespace patron::sql::sqlite_direct {
namespace {

namespace api = ::sqlite_api;  // where soci-sqlite3.h puts <sqlite3.h>
using Db = api::sqlite3;
using Stmt = api::sqlite3_stmt;

Stmt* stmt(void* statement) { return static_cast<Stmt*>(statement); }

// kTransient names the type unqualified; this is its value.
const auto kTransient = reinterpret_cast<api::sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

}  // namespace

bool available(soci::session& session) { return session.get_backend_name() == "sqlite3"; }

void* connection(soci::session& session) {
  return static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
}

void raise(void* db, const std::string& what) {
  throw soci::soci_error(what + ": " + api::sqlite3_errmsg(static_cast<Db*>(db)));
}

Statement::Statement(soci::session& session, std::string_view sql) : db_(connection(session)) {
  Stmt* prepared = nullptr;
  if (api::sqlite3_prepare_v2(static_cast<Db*>(db_), sql.data(), static_cast<int>(sql.size()), &prepared, nullptr) !=
      SQLITE_OK) {
    raise(db_, "prepare " + std::string(sql));
  }
  statement_ = prepared;
}

Statement::~Statement() { api::sqlite3_finalize(stmt(statement_)); }

bool Statement::next_row() {
  const int rc = api::sqlite3_step(stmt(statement_));
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) raise(db_, "step");
  return false;
}

std::string_view Statement::text(int column) const {
  const auto* data = api::sqlite3_column_text(stmt(statement_), column);
  const int size = api::sqlite3_column_bytes(stmt(statement_), column);
  return data == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(data), size);
}

long long Statement::integer(int column) const { return api::sqlite3_column_int64(stmt(statement_), column); }

Statement& Statement::bind(int position, std::string_view text) {
  if (api::sqlite3_bind_text(stmt(statement_), position, text.data(), static_cast<int>(text.size()), kTransient) !=
      SQLITE_OK) {
    raise(db_, "bind");
  }
  return *this;
}

Statement& Statement::bind(int position, long long value) {
  if (api::sqlite3_bind_int64(stmt(statement_), position, value) != SQLITE_OK) raise(db_, "bind");
  return *this;
}

Statement& Statement::bind(int position, double value) {
  if (api::sqlite3_bind_double(stmt(statement_), position, value) != SQLITE_OK) raise(db_, "bind");
  return *this;
}

Statement& Statement::bind_null(int position) {
  if (api::sqlite3_bind_null(stmt(statement_), position) != SQLITE_OK) raise(db_, "bind");
  return *this;
}

void Statement::execute() {
  const int rc = api::sqlite3_step(stmt(statement_));
  api::sqlite3_reset(stmt(statement_));
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) raise(db_, "execute");
}

}  // namespace patron::sql::sqlite_direct
