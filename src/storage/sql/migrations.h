#pragma once
// Numbered schema migrations per dialect, embedded in the binary at build time
// from migrations/<dialect>/NNN_name.sql and applied in order, each in its own
// transaction, recorded in schema_migrations.
#include <string>
#include <vector>

#include <soci/soci.h>

#include "storage/sql/database.h"

namespace patron::sql {

struct Migration {
  std::string dialect;
  int version = 0;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& embedded_migrations();

struct MigrationReport {
  int applied = 0;
  int current_version = 0;
};

MigrationReport migrate(soci::session& session, Dialect dialect);

// Statements of a migration file, split on ';' at line ends (no procedures).
std::vector<std::string> split_statements(const std::string& sql);

}  // namespace patron::sql
