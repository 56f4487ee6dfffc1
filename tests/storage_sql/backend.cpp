#include "backend.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>

#include "storage/sql/migrations.h"

namespace patron::sql::testing {
namespace {

std::mutex mutex;
std::map<std::string, Backend> backends;
std::map<std::string, DatabaseUrl> created;  // server backends: the admin URL whose database we created

std::string run_tag() {
  static const std::string tag = [] {
    std::random_device rd;
    return std::to_string(getpid()) + "x" + std::to_string(rd() % 100000);
  }();
  return tag;
}

Backend make_backend(const std::string& name) {
  Backend b;
  if (name == "sqlite") {
    const char* dir = std::getenv("PATRON_TEST_SQLITE_DIR");
    auto base = std::filesystem::path(dir && *dir ? dir : std::filesystem::temp_directory_path().string());
    auto path = base / ("conformance-" + run_tag() + ".db");
    std::filesystem::remove(path);
    DatabaseUrl url;
    url.dialect = Dialect::sqlite;
    url.path = path.string();
    b.url = url;
  } else {
    const char* var = name == "mysql" ? "PATRON_TEST_MYSQL_URL" : "PATRON_TEST_POSTGRES_URL";
    const char* value = std::getenv(var);
    if (!value || !*value) {
      b.skip_reason = std::string(var) + " is not set; `scripts/test-db-servers.sh start` and `eval \"$(" +
                      "scripts/test-db-servers.sh env)\"` provide a private server";
      return b;
    }
    auto admin = parse_database_url(value);
    if (!admin.ok()) {
      b.skip_reason = std::string(var) + " is not a database URL: " + admin.error().message;
      return b;
    }
    const std::string database = "patron_conf_" + run_tag();
    auto session = open_session(*admin);
    if (admin->dialect == Dialect::mysql) {
      *session << "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    } else {
      *session << "CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'";
    }
    created[name] = *admin;
    DatabaseUrl url = *admin;
    url.database = database;
    b.url = url;
  }
  auto session = open_session(*b.url);
  migrate(*session, b.url->dialect);
  return b;
}

}  // namespace

const Backend& backend(const std::string& name) {
  std::lock_guard lock(mutex);
  auto it = backends.find(name);
  if (it == backends.end()) it = backends.emplace(name, make_backend(name)).first;
  return it->second;
}

void drop_backends() {
  std::lock_guard lock(mutex);
  for (auto& [name, b] : backends) {
    if (!b.url) continue;
    if (b.url->dialect == Dialect::sqlite) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(b.url->path + suffix);
      continue;
    }
    try {
      auto session = open_session(created.at(name));
      if (b.url->dialect == Dialect::postgresql) {
        *session << "DROP DATABASE IF EXISTS " + b.url->database + " WITH (FORCE)";
      } else {
        *session << "DROP DATABASE IF EXISTS " + b.url->database;
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "could not drop %s: %s\n", b.url->database.c_str(), e.what());
    }
  }
}

std::string unique(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + run_tag() + "n" + std::to_string(++counter);
}

void BackendTest::SetUp() {
  const auto& b = backend(GetParam());
  if (!b.url) GTEST_SKIP() << b.skip_reason;
  url_ = b.url;
  session_ = open_session(*url_);
}

std::string backend_test_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace patron::sql::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const int rc = RUN_ALL_TESTS();
  patron::sql::testing::drop_backends();
  return rc;
}
