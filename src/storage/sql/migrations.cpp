#include "storage/sql/migrations.h"

#include <sstream>
#include <stdexcept>

namespace patron::sql {

std::vector<std::string> split_statements(const std::string& sql) {
  std::vector<std::string> statements;
  std::string current;
  std::istringstream lines(sql);
  for (std::string line; std::getline(lines, line);) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
    current += line + "\n";
    const auto last = line.find_last_not_of(" \t\r");
    if (last != std::string::npos && line[last] == ';') {
      current.erase(current.find_last_of(';'));
      statements.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
  return statements;
}

namespace {

int current_version(soci::session& session) {
  session << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, "
             "applied_at BIGINT NOT NULL)";
  int version = 0;
  soci::indicator ind = soci::i_null;
  session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_ok ? version : 0;
}

// SQLite rebuilds a table by creating the new one, copying, dropping the old and
// renaming (its documented procedure); foreign keys must be off meanwhile, and
// that can only be switched outside a transaction. Every key is checked before
// the migration commits, and enforcement is back on afterwards in any case.
class SqliteForeignKeysOff {
 public:
  SqliteForeignKeysOff(soci::session& session, Dialect dialect) : session_(session), active_(dialect == Dialect::sqlite) {
    if (active_) session_ << "PRAGMA foreign_keys=OFF";
  }
  ~SqliteForeignKeysOff() {
    try {
      if (active_) session_ << "PRAGMA foreign_keys=ON";
    } catch (...) {
    }
  }
  SqliteForeignKeysOff(const SqliteForeignKeysOff&) = delete;
  SqliteForeignKeysOff& operator=(const SqliteForeignKeysOff&) = delete;

  void check_all_keys(int version) {
    if (!active_) return;
    long long violations = 0;
    session_ << "SELECT COUNT(*) FROM pragma_foreign_key_check", soci::into(violations);
    if (violations != 0) {
      throw std::runtime_error("migration " + std::to_string(version) + " leaves " + std::to_string(violations) +
                               " rows whose foreign keys point nowhere");
    }
  }

 private:
  soci::session& session_;
  bool active_;
};

}  // namespace

MigrationReport migrate(soci::session& session, Dialect dialect) {
  MigrationReport report;
  report.current_version = current_version(session);
  for (const auto& migration : embedded_migrations()) {
    if (migration.dialect != to_string(dialect) || migration.version <= report.current_version) continue;
    SqliteForeignKeysOff keys_off(session, dialect);
    soci::transaction tx(session);
    for (const auto& statement : split_statements(migration.sql)) session << statement;
    keys_off.check_all_keys(migration.version);
    const long long applied_at = static_cast<long long>(std::time(nullptr));
    session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
        soci::use(migration.version), soci::use(migration.name), soci::use(applied_at);
    tx.commit();
    report.current_version = migration.version;
    ++report.applied;
  }
  return report;
}

}  // namespace patron::sql
