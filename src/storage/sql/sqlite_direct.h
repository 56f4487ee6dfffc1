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

class Statement {
 public:
  Statement(soci::session& session, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool next_row();  // steps; false when done
  std::string_view text(int column) const;
  long long integer(int column) const;

  // Binds by 1-based position, runs an INSERT/UPDATE and resets for reuse.
  Statement& bind(int position, std::string_view text);
  Statement& bind(int position, long long value);
  Statement& bind(int position, double value);
  Statement& bind_null(int position);
  void execute();

 private:
  void* db_;
  void* statement_ = nullptr;
};

}  // namespace patron::sql::sqlite_direct
