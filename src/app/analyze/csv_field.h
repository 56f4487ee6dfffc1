#pragma once
// A CSV field as RFC 4180 wants it: quoted when it holds a comma, a quote or
// a newline, with quotes doubled.
#include <string>

namespace patron::app {

inline std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return quoted + "\"";
}

}  // namespace patron::app
