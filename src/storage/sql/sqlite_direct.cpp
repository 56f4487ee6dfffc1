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

namespace calls {

bool step(void* db, void* statement) {
  const int rc = api::sqlite3_step(stmt(statement));
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) raise(db, "step");
  return false;
}

void bind_text(void* db, void* statement, int position, std::string_view text, bool copy) {
  // SQLITE_STATIC (null) when not copied: the caller keeps the text alive.
  const auto destructor = copy ? kTransient : nullptr;
  if (api::sqlite3_bind_text(stmt(statement), position, text.data(), static_cast<int>(text.size()), destructor) !=
      SQLITE_OK) {
    raise(db, "bind");
  }
}

void bind_integer(void* db, void* statement, int position, long long value) {
  if (api::sqlite3_bind_int64(stmt(statement), position, value) != SQLITE_OK) raise(db, "bind");
}

void bind_real(void* db, void* statement, int position, double value) {
  if (api::sqlite3_bind_double(stmt(statement), position, value) != SQLITE_OK) raise(db, "bind");
}

void bind_null(void* db, void* statement, int position) {
  if (api::sqlite3_bind_null(stmt(statement), position) != SQLITE_OK) raise(db, "bind");
}

std::string_view column_text(void* statement, int column) {
  const auto* data = api::sqlite3_column_text(stmt(statement), column);
  const int size = api::sqlite3_column_bytes(stmt(statement), column);
  return data == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(data), size);
}

long long column_integer(void* statement, int column) { return api::sqlite3_column_int64(stmt(statement), column); }

bool column_is_null(void* statement, int column) {
  return api::sqlite3_column_type(stmt(statement), column) == SQLITE_NULL;
}

}  // namespace calls

namespace {

void* prepare(void* db, std::string_view sql) {
  Stmt* prepared = nullptr;
  if (api::sqlite3_prepare_v2(static_cast<Db*>(db), sql.data(), static_cast<int>(sql.size()), &prepared, nullptr) !=
      SQLITE_OK) {
    raise(db, "prepare " + std::string(sql));
  }
  return prepared;
}

}  // namespace

Statement::Statement(soci::session& session, std::string_view sql) : PositionalStatement(connection(session), nullptr) {
  statement_ = prepare(db_, sql);
}

Statement::~Statement() { api::sqlite3_finalize(stmt(statement_)); }

void Statement::execute() {
  const int rc = api::sqlite3_step(stmt(statement_));
  api::sqlite3_reset(stmt(statement_));
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) raise(db_, "execute");
}

}  // namespace patron::sql::sqlite_direct
