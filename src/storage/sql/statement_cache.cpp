#include "storage/sql/statement_cache.h"

#include <deque>
#include <string>
#include <type_traits>

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

StatementCache::StatementCache(soci::session& session) : session_(&session), db_(sqlite_direct::connection(session)) {}

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

ReusedStatement::ReusedStatement(ReusedStatement&& other) noexcept : PositionalStatement(other.db_, other.statement_) {
  other.statement_ = nullptr;
}

long long ReusedStatement::execute() {
  while (next_row()) {
  }
  return api::sqlite3_changes64(static_cast<Db*>(db_));
}

// SOCI binds by address: the values live here, in containers whose elements
// never move, until the statement has run.
struct Write::Portable {
  std::deque<std::string> texts;
  std::deque<long long> integers;
  std::deque<soci::indicator> indicators;
  soci::statement statement;
  explicit Portable(soci::session& session) : statement(session) {}

  template <class Value>
  std::deque<Value>& kept() {
    if constexpr (std::is_same_v<Value, std::string>) {
      return texts;
    } else {
      return integers;
    }
  }
};

Write::Write(soci::session& session, std::string_view sql) : sql_(sql), reused_(reuse(session, sql)) {
  if (!reused_) portable_ = std::make_unique<Portable>(session);
}

Write::~Write() = default;

template <class Value>
Write& Write::bind_next(const Value& value, soci::indicator indicator) {
  const bool null = indicator == soci::i_null;
  if (reused_) {
    if (null) {
      reused_->bind_null(next_position_++);
    } else {
      reused_->bind(next_position_++, value);
    }
    return *this;
  }
  auto& kept = portable_->kept<Value>();
  kept.push_back(value);
  if (null) {
    portable_->indicators.push_back(soci::i_null);
    portable_->statement.exchange(soci::use(kept.back(), portable_->indicators.back()));
  } else {
    portable_->statement.exchange(soci::use(kept.back()));
  }
  return *this;
}

Write& Write::text(const std::string& value) { return bind_next(value, soci::i_ok); }

Write& Write::text_or_null(const std::string& value) {
  return bind_next(value, value.empty() ? soci::i_null : soci::i_ok);
}

Write& Write::integer(long long value) { return bind_next(value, soci::i_ok); }

Write& Write::integer_or_null(std::optional<long long> value) {
  return bind_next(value.value_or(0), value ? soci::i_ok : soci::i_null);
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
