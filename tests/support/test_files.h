#pragma once
// The files tests read: the public data sets shared beside the checkout
// (PATRON_SHARED_DATA_DIR) and the suite's own data files (PATRON_TEST_DATA_DIR,
// where the suite has some), both set by the suite's CMakeLists.txt; opened so
// that a missing file stops the test with its path rather than reading as empty.
#include <fstream>
#include <stdexcept>
#include <string>

namespace patron::testing {

inline std::string shared_data(const std::string& relative) {
  return std::string(PATRON_SHARED_DATA_DIR) + "/" + relative;
}

#ifdef PATRON_TEST_DATA_DIR
inline std::string test_data(const std::string& relative) {
  return std::string(PATRON_TEST_DATA_DIR) + "/" + relative;
}
#endif

inline std::ifstream open_or_fail(const std::string& path) {
  std::ifstream input(path);
  if (!input) throw std::runtime_error("cannot open " + path);
  return input;
}

}  // namespace patron::testing
