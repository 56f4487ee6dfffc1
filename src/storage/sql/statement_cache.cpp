#include "storage/sql/statement_cache.h"

#include <deque>
#include <string>

#include <soci/sqlite3/soci-sqlite3.h>

#include "storage/sql/sqlite_direct.h"

namespace patron::sql {
namespace {

namespace api = ::sqlite_api;  // where soci-sqlite3.h puts <sqlite3.h>
using Db = api::sqlite3;
using Stmt = api::sqlite3_stmt;

thread_local StatementCache* current_cache = nullptr;

using sqlite_direct::raise;

Stmt* stmt(void* statement) { return static_cast<Stmt*>(statement); }

}  // namespace

StatementCache::StatementCache(soci::session& session)
    : session_(&session), db_(sqlite_direct::connection(session)) {}

StatementCache::~StatementCache() {
  for (auto& [sql, statement] : prepared_) api::sqlite3_finalize(stmt(statement));
}

long long StatementCache::total_changes() const { return api::sqlite3_total_changes64(static_cast<Db*>(db_)); }

void* StatementCache::prepared(std::string_view sql) {
  if (auto it = prepared_.find(sql); it != prepared_.end()) return it->second;
  Stmt* statement = nullptr;
  if (api::sqlite3_prepare_v3(static_cast<Db*>(db_), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
    raise(db_, "prepare " + std::string(sql));
  }
  prepared_.emplace(std::string(sql), statement);
  return statement;
}

StatementCacheScope::StatementCacheScope(StatementCache* cache) : outer_(current_cache) { current_cache = cache; }

StatementCacheScope::~StatementCacheScope() { current_cache = outer_; }

std::optional<ReusedStatement> reuse(soci::session& session, std::string_view sql) {
  if (current_cache == nullptr || !current_cache->belongs_to(session)) return std::nullopt;
  return ReusedStatement(current_cache->db(), current_cache->prepared(sql));
}

ReusedStatement::~ReusedStatement() {
  if (statement_ == nullptr) return;
  api::sqlite3_reset(stmt(statement_));
  api::sqlite3_clear_bindings(stmt(statement_));
}

ReusedStatement::ReusedStatement(ReusedStatement&& other) noexcept : db_(other.db_), statement_(other.statement_) {
  other.statement_ = nullptr;
}

ReusedStatement& ReusedStatement::bind(int position, std::string_view text) {
  // SQLITE_STATIC: the caller keeps the text alive for this use (see header).
  if (api::sqlite3_bind_text(stmt(statement_), position, text.data(), static_cast<int>(text.size()), nullptr) !=
      SQLITE_OK) {
    raise(db_, "bind");
  }
  return *this;
}

ReusedStatement& ReusedStatement::bind(int position, long long value) {
  if (api::sqlite3_bind_int64(stmt(statement_), position, value) != SQLITE_OK) raise(db_, "bind");
  return *this;
}

ReusedStatement& ReusedStatement::bind_null(int position) {
  if (api::sqlite3_bind_null(stmt(statement_), position) != SQLITE_OK) raise(db_, "bind");
  return *this;
}

bool ReusedStatement::next_row() {
  const int rc = api::sqlite3_step(stmt(statement_));
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) raise(db_, "step");
  return false;
}

long long ReusedStatement::execute() {
  while (next_row()) {
  }
  return api::sqlite3_changes64(static_cast<Db*>(db_));
}

bool ReusedStatement::is_null(int column) const {
  return api::sqlite3_column_type(stmt(statement_), column) == SQLITE_NULL;
}

long long ReusedStatement::integer(int column) const { return api::sqlite3_column_int64(stmt(statement_), column); }

std::string ReusedStatement::text(int column) const {
  const auto* data = api::sqlite3_column_text(stmt(statement_), column);
  const int size = api::sqlite3_column_bytes(stmt(statement_), column);
  return data == nullptr ? std::string{} : std::string(reinterpret_cast<const char*>(data), size);
}

// SOCI binds by address: the values live here, in containers whose elements
// never move, until the statement has run.
struct Write::Portable {
  std::deque<std::string> texts;
  std::deque<long long> integers;
  std::deque<soci::indicator> indicators;
  soci::statement statement;
  explicit Portable(soci::session& session) : statement(session) {}
};

Write::Write(soci::session& session, std::string_view sql) : sql_(sql), reused_(reuse(session, sql)) {
  if (!reused_) portable_ = std::make_unique<Portable>(session);
}

Write::~Write() = default;

Write& Write::text(const std::string& value) {
  if (reused_) {
    reused_->bind(next_position_++, value);
  } else {
    portable_->texts.push_back(value);
    portable_->statement.exchange(soci::use(portable_->texts.back()));
  }
  return *this;
}

Write& Write::text_or_null(const std::string& value) {
  if (!value.empty()) return text(value);
  if (reused_) {
    reused_->bind_null(next_position_++);
  } else {
    portable_->texts.emplace_back();
    portable_->indicators.push_back(soci::i_null);
    portable_->statement.exchange(soci::use(portable_->texts.back(), portable_->indicators.back()));
  }
  return *this;
}

Write& Write::integer(long long value) {
  if (reused_) {
    reused_->bind(next_position_++, value);
  } else {
    portable_->integers.push_back(value);
    portable_->statement.exchange(soci::use(portable_->integers.back()));
  }
  return *this;
}

Write& Write::integer_or_null(std::optional<long long> value) {
  if (value) return integer(*value);
  if (reused_) {
    reused_->bind_null(next_position_++);
  } else {
    portable_->integers.push_back(0);
    portable_->indicators.push_back(soci::i_null);
    portable_->statement.exchange(soci::use(portable_->integers.back(), portable_->indicators.back()));
  }
  return *this;
}

long long Write::run() {
  if (reused_) return reused_->execute();
  auto& st = portable_->statement;
  st.alloc();
  st.prepare(std::string(sql_), soci::details::st_one_time_query);  // as session << would
  st.define_and_bind();
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace patron::sql
