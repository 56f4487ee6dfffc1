#pragma once
// A migrated SQLite store in a fresh temp dir, and paths of the test data.
#include <memory>
#include <string>

#include <soci/soci.h>

#include "../documents/temp_dir.h"
#include "../support/test_files.h"
#include "storage/sql/database.h"
#include "storage/sql/migrations.h"

namespace patron::analytics_store::testing {

using patron::testing::open_or_fail;
using patron::testing::shared_data;
using patron::testing::test_data;

constexpr std::int64_t kNow = 1'750'000'000;

class Store {
 public:
  Store() {
    auto url = sql::parse_database_url("sqlite://" + (dir_.path() / "patron.db").string());
    url_ = *url;
    session_ = sql::open_session(url_);
    sql::migrate(*session_, url_.dialect);
  }
  soci::session& session() { return *session_; }
  long long count(const std::string& table) {
    long long rows = 0;
    *session_ << "SELECT COUNT(*) FROM " + table, soci::into(rows);
    return rows;
  }

 private:
  documents::testing::TempDir dir_;
  sql::DatabaseUrl url_;
  std::unique_ptr<soci::session> session_;
};

}  // namespace patron::analytics_store::testing
