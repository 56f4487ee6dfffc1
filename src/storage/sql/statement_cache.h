#pragma once
// Prepared statements kept for the life of the SQLite writer's connection.
// SOCI prepares, binds and finalizes a statement on every use; on the writer,
// which runs the same dozen statements for every purchase, preparing alone was
// a fifth of its time. The writer makes its cache current on its thread for
// the length of a batch (StatementCacheScope); the repositories' hot
// statements then reuse what is prepared (Write below, or reuse() for reads),
// and fall back to SOCI anywhere else: other threads, the CLI, the servers.
// Errors throw soci::soci_error, as SOCI would, so callers handle them alike.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <soci/soci.h>

#include "storage/sql/sqlite_direct.h"

namespace patron::sql {

class StatementCache {
 public:
  explicit StatementCache(soci::session& session);  // session must be SQLite
  ~StatementCache();                                // finalizes; destroy before the session
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  void* db() const { return db_; }
  bool belongs_to(const soci::session& session) const { return &session == session_; }
  long long total_changes() const;       // rows changed on this connection since it opened
  void* prepared(std::string_view sql);  // prepares on first use

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  const soci::session* session_;
  void* db_;
  std::unordered_map<std::string, void*, Hash, std::equal_to<>> prepared_;
};

// Makes `cache` the current thread's while it lives.
class StatementCacheScope {
 public:
  explicit StatementCacheScope(StatementCache* cache);
  ~StatementCacheScope();
  StatementCacheScope(const StatementCacheScope&) = delete;
  StatementCacheScope& operator=(const StatementCacheScope&) = delete;

 private:
  StatementCache* outer_;
};

// One use of a cached statement: bind by 1-based position, step, read; reset
// (and its bindings cleared) when it goes out of scope. Bound text is not
// copied, so it must outlive the use.
class ReusedStatement : public sqlite_direct::PositionalStatement<ReusedStatement> {
 public:
  static constexpr bool kCopiesText = false;

  ReusedStatement(void* db, void* statement) : PositionalStatement(db, statement) {}
  ~ReusedStatement();
  ReusedStatement(ReusedStatement&& other) noexcept;
  ReusedStatement(const ReusedStatement&) = delete;
  ReusedStatement& operator=(const ReusedStatement&) = delete;
  ReusedStatement& operator=(ReusedStatement&&) = delete;

  long long execute();  // runs to completion; rows changed
};

// The current thread's cached statement for `sql` when that cache belongs to
// `session`'s connection; nothing otherwise (take the SOCI path then).
std::optional<ReusedStatement> reuse(soci::session& session, std::string_view sql);

// An INSERT, UPDATE, DELETE or SAVEPOINT statement with its values given in
// placeholder order, through the cache when there is one and SOCI otherwise,
// so one binding list serves every dialect.
class Write {
 public:
  Write(soci::session& session, std::string_view sql);
  ~Write();
  Write(const Write&) = delete;
  Write& operator=(const Write&) = delete;

  Write& text(const std::string& value);
  Write& text_or_null(const std::string& value);  // NULL when empty
  Write& integer(long long value);
  Write& integer_or_null(std::optional<long long> value);
  long long run();  // rows changed

 private:
  // Binds the next placeholder: directly on a cached statement, or through a
  // copy kept in Portable, whose address SOCI holds until run().
  template <class Value>
  Write& bind_next(const Value& value, soci::indicator indicator);

  struct Portable;
  std::string_view sql_;
  std::optional<ReusedStatement> reused_;
  std::unique_ptr<Portable> portable_;
  int next_position_ = 1;
};

}  // namespace patron::sql
