#pragma once
// The backends the conformance suite runs against: SQLite always (a file under
// the build tree), MariaDB and PostgreSQL when their test URL is set. Each
// server backend gets one fresh database per run, migrated once, dropped at exit.
#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "storage/sql/database.h"

namespace patron::sql::testing {

struct Backend {
  std::optional<DatabaseUrl> url;  // empty when skipped
  std::string skip_reason;
};

// Creates and migrates the backend's database on first use.
const Backend& backend(const std::string& name);

// Drops the databases created for this run.
void drop_backends();

// A name unique to this run: letters and digits only.
std::string unique(const std::string& prefix);

// Parameterized over "sqlite", "mysql", "postgresql"; skips with the reason
// when the backend is not configured.
class BackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  soci::session& db() { return *session_; }
  const DatabaseUrl& url() const { return *url_; }
  Dialect dialect() const { return url_->dialect; }

 private:
  std::optional<DatabaseUrl> url_;
  std::unique_ptr<soci::session> session_;
};

std::string backend_test_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace patron::sql::testing

#define PATRON_ALL_BACKENDS(suite)                                                                  \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values("sqlite", "mysql", "postgresql"), \
                           ::patron::sql::testing::backend_test_name)
