#pragma once
// Paths of the data the analytics tests read: the shared public data sets and
// the expected values kept as files beside the tests.
#include <fstream>
#include <string>

namespace patron::analytics::testing {

inline std::string shared_data(const std::string& relative) {
  return std::string(PATRON_SHARED_DATA_DIR) + "/" + relative;
}

inline std::string test_data(const std::string& relative) {
  return std::string(PATRON_ANALYTICS_TEST_DATA_DIR) + "/" + relative;
}

inline std::ifstream open_or_fail(const std::string& path) {
  std::ifstream input(path);
  if (!input) throw std::runtime_error("cannot open " + path);
  return input;
}

}  // namespace patron::analytics::testing
