// analyze loads a regular file whole (into huge-page memory, or mapped when
// it is very large) and leaves anything else to be read as a stream.
#include "app/analyze/loaded_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace patron::app {
namespace {

namespace fs = std::filesystem;

fs::path scratch_dir() {
  const fs::path dir = fs::temp_directory_path() / ("patron-loaded-file-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

class LoadedFileTest : public ::testing::Test {
 protected:
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_ = scratch_dir();
};

fs::path written(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST_F(LoadedFileTest, AFileAcrossHugePageBoundariesIsReadByteForByte) {
  std::string text;
  for (std::size_t k = 0; text.size() < (std::size_t{5} << 20) + 3; ++k) text += std::to_string(k * 7919) + "\n";
  const auto loaded = LoadedFile::open(written(dir_ / "large.txt", text).string());
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->text().size(), text.size());
  EXPECT_TRUE(loaded->text() == text);
}

TEST_F(LoadedFileTest, AnEmptyFileIsEmptyText) {
  const auto loaded = LoadedFile::open(written(dir_ / "empty.txt", "").string());
  ASSERT_TRUE(loaded.has_value());
  EXPECT_TRUE(loaded->text().empty());
}

TEST_F(LoadedFileTest, APipeADirectoryAndAMissingFileAreLeftToTheStreamReader) {
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);  // as `--transactions <(zcat ...)` gives it: /dev/fd/N of a pipe
  EXPECT_FALSE(LoadedFile::open("/dev/fd/" + std::to_string(ends[0])).has_value());
  ::close(ends[0]);
  ::close(ends[1]);
  EXPECT_FALSE(LoadedFile::open(dir_.string()).has_value());
  EXPECT_FALSE(LoadedFile::open((dir_ / "missing.txt").string()).has_value());
}

TEST_F(LoadedFileTest, MovingKeepsTheTextAndEmptiesTheSource) {
  const auto path = written(dir_ / "moved.txt", "a,b\n1,2\n").string();
  auto first = LoadedFile::open(path);
  ASSERT_TRUE(first.has_value());
  LoadedFile moved = std::move(*first);
  EXPECT_EQ(moved.text(), "a,b\n1,2\n");
  EXPECT_TRUE(first->text().empty());
  auto second = LoadedFile::open(path);
  ASSERT_TRUE(second.has_value());
  moved = std::move(*second);
  EXPECT_EQ(moved.text(), "a,b\n1,2\n");
}

}  // namespace
}  // namespace patron::app
