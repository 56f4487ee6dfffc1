#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "app/server_logging.h"
#include "http/static_files.h"

namespace fs = std::filesystem;
using patron::app::redact_url_credentials;
using patron::http::file_under;
using patron::http::is_within;

TEST(WebRoot, ContainmentIsByPathComponentsNotByPrefix) {
  EXPECT_TRUE(is_within("/srv/dist", "/srv/dist"));
  EXPECT_TRUE(is_within("/srv/dist", "/srv/dist/index.html"));
  EXPECT_TRUE(is_within("/srv/dist/", "/srv/dist/assets/app.js"));
  EXPECT_FALSE(is_within("/srv/dist", "/srv/dist-private/secret.txt"));
  EXPECT_FALSE(is_within("/srv/dist", "/srv/distx"));
  EXPECT_FALSE(is_within("/srv/dist", "/srv"));
  EXPECT_FALSE(is_within("/srv/dist", "/etc/passwd"));
}

class WebRootFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    top_ = fs::temp_directory_path() / ("patron-webroot-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(top_ / "dist" / "assets");
    fs::create_directories(top_ / "dist-private");
    std::ofstream(top_ / "dist" / "index.html") << "portal";
    std::ofstream(top_ / "dist-private" / "secret.txt") << "secret";
    root_ = fs::canonical(top_ / "dist");
  }
  void TearDown() override { fs::remove_all(top_); }
  fs::path top_, root_;
};

TEST_F(WebRootFiles, PathsLeavingTheRootNameNothing) {
  EXPECT_FALSE(file_under(root_, "/../dist-private/secret.txt"));
  EXPECT_FALSE(file_under(root_, "/assets/../../dist-private/secret.txt"));
  EXPECT_FALSE(file_under(root_, "/.."));
}

TEST_F(WebRootFiles, AbsolutePathsAreReadUnderTheRoot) {
  const auto named = file_under(root_, "/" + (top_ / "dist-private" / "secret.txt").string());
  ASSERT_TRUE(named);
  EXPECT_TRUE(is_within(root_, *named));
  EXPECT_FALSE(fs::exists(*named));
}

TEST_F(WebRootFiles, PathsInsideTheRootResolve) {
  EXPECT_EQ(file_under(root_, "/index.html"), root_ / "index.html");
  EXPECT_EQ(file_under(root_, "/assets/../index.html"), root_ / "index.html");
  EXPECT_EQ(file_under(root_, "/assets/../../dist/index.html"), root_ / "index.html");
  EXPECT_TRUE(file_under(root_, "/"));
}

TEST(UrlRedaction, PasswordsBecomeStars) {
  EXPECT_EQ(redact_url_credentials("mysql://patron:s3cret@db.example:3306/patron"),
            "mysql://patron:***@db.example:3306/patron");
  EXPECT_EQ(redact_url_credentials("postgresql://u:p%40ss@h/db"), "postgresql://u:***@h/db");
  EXPECT_EQ(redact_url_credentials("mongodb://app:pw@h1:27017,h2:27017/patron?replicaSet=rs0"),
            "mongodb://app:***@h1:27017,h2:27017/patron?replicaSet=rs0");
  EXPECT_EQ(redact_url_credentials("got \"mongo://a:b@c/d\" and mysql://x:y@z/w"),
            "got \"mongo://a:***@c/d\" and mysql://x:***@z/w");
}

TEST(UrlRedaction, TextWithoutPasswordsIsUnchanged) {
  for (const std::string text : {"sqlite://var/patron.db", "rocksdb://var/documents", "mongodb://h:27017/db",
                                 "mongodb://user@h:27017/db", "mail me at a@b.example, see https://x.example/a@b",
                                 "", "://", "x://@"}) {
    EXPECT_EQ(redact_url_credentials(text), text) << text;
  }
}
