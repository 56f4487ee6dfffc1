#pragma once
// Small text helpers shared by the layers (pure: no I/O).
#include <string>
#include <string_view>
#include <vector>

namespace patron {

// The parts of `text` between `delimiter`s, empty ones left out: "/a//b/" gives {"a", "b"}.
inline std::vector<std::string> split_nonempty(std::string_view text, char delimiter) {
  std::vector<std::string> parts;
  while (!text.empty()) {
    const auto end = text.find(delimiter);
    const auto part = text.substr(0, end);
    if (!part.empty()) parts.emplace_back(part);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return parts;
}

}  // namespace patron
