#pragma once
// Direct SQLite statements for the analytics' bulk paths. SOCI copies every
// fetched cell into its own cache and then into the caller's vectors; for 20 M
// transactions that costs several times the read itself, so where the session
// is SQLite the history reader and the results writer step statements here,
// reading text in place. Other dialects take the SOCI path, same results.
// Errors throw soci::soci_error, as SOCI would.
#include <cstdint>
#include <string>
#include <string_view>

#include <soci/soci.h>

namespace patron::sql::sqlite_direct {

bool available(soci::session& session);
// The session's sqlite3 connection (an sqlite_api::sqlite3*); SQLite sessions only.
void* connection(soci::session& session);
// Throws soci::soci_error with `what` and the connection's last error message.
[[noreturn]] void raise(void* db, const std::string& what);

// The checked sqlite3 calls on a prepared statement (an sqlite3_stmt*) of
// connection `db`; a failure throws as raise() does.
namespace calls {
bool step(void* db, void* statement);  // true on a row, false when done
// copy: SQLite keeps its own copy; otherwise the text must stay alive until
// the statement is reset.
void bind_text(void* db, void* statement, int position, std::string_view text, bool copy);
void bind_integer(void* db, void* statement, int position, long long value);
void bind_real(void* db, void* statement, int position, double value);
void bind_null(void* db, void* statement, int position);
std::string_view column_text(void* statement, int column);  // valid until the next step
long long column_integer(void* statement, int column);
bool column_is_null(void* statement, int column);
}  // namespace calls

// Binding by 1-based position and reading by 0-based column, shared by the
// statements that own their sqlite3_stmt (Statement) and those that borrow it
// from a cache (ReusedStatement in statement_cache.h). `Derived` says whether
// bound text is copied (kCopiesText) and is what the binders return.
template <class Derived>
class PositionalStatement {
 public:
  Derived& bind(int position, std::string_view text) {
    calls::bind_text(db_, statement_, position, text, Derived::kCopiesText);
    return self();
  }
  Derived& bind(int position, long long value) {
    calls::bind_integer(db_, statement_, position, value);
    return self();
  }
  Derived& bind(int position, double value) {
    calls::bind_real(db_, statement_, position, value);
    return self();
  }
  Derived& bind_null(int position) {
    calls::bind_null(db_, statement_, position);
    return self();
  }
  bool next_row() { return calls::step(db_, statement_); }  // false when done
  std::string_view text(int column) const { return calls::column_text(statement_, column); }
  long long integer(int column) const { return calls::column_integer(statement_, column); }
  bool is_null(int column) const { return calls::column_is_null(statement_, column); }

 protected:
  PositionalStatement(void* db, void* statement) : db_(db), statement_(statement) {}

  void* db_;
  void* statement_;

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
};

// Prepared for one run of a bulk path and finalized after it; execute() runs
// an INSERT/UPDATE once and resets it for the next values.
class Statement : public PositionalStatement<Statement> {
 public:
  static constexpr bool kCopiesText = true;

  Statement(soci::session& session, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void execute();
};

}  // namespace patron::sql::sqlite_direct
