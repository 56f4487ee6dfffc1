#pragma once
// Reads the expected-value tables under tests/analytics/data: comma separated,
// '#' starts a comment line. Each row is one case.
#include <sstream>
#include <string>
#include <vector>

#include "test_data.h"

namespace patron::analytics::testing {

using Row = std::vector<std::string>;

inline std::vector<Row> read_table(const std::string& name) {
  auto input = open_or_fail(test_data(name));
  std::vector<Row> rows;
  std::string line;
  while (std::getline(input, line)) {
    if (line.empty() || line[0] == '#') continue;
    Row row;
    std::stringstream fields(line);
    std::string field;
    while (std::getline(fields, field, ',')) row.push_back(field);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace patron::analytics::testing
