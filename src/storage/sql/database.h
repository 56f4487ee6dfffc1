#pragma once
// Where the SQL store lives and how to open a session on it. SOCI is the port
// between the repositories and the three dialects; everything dialect-specific
// (connection strings, pragmas, migrations) is decided here.
#include <memory>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "domain/result.h"

namespace patron::sql {

enum class Dialect { sqlite, mysql, postgresql };

const char* to_string(Dialect dialect);

struct DatabaseUrl {
  Dialect dialect = Dialect::sqlite;
  std::string path;  // sqlite file
  std::string user, password, host, database;
  int port = 0;
};

// sqlite://relative/or/absolute/path, mysql://u:p@h:port/db, postgresql://u:p@h:port/db
// USER, PASS and DB may hold %XX escapes (a password with '@' or ':').
Result<DatabaseUrl> parse_database_url(const std::string& url);
std::string percent_encode(const std::string& text);
std::optional<std::string> percent_decode(const std::string& text);

std::unique_ptr<soci::session> open_session(const DatabaseUrl& url);

}  // namespace patron::sql
