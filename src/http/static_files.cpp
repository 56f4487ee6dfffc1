#include "http/static_files.h"

#include <iterator>

namespace patron::http {

bool is_within(const std::filesystem::path& root, const std::filesystem::path& file) {
  auto root_parts = root.begin(), root_end = root.end();
  if (root_parts != root_end && std::prev(root_end)->empty()) --root_end;  // a trailing separator
  for (auto part = file.begin(); root_parts != root_end; ++root_parts, ++part) {
    if (part == file.end() || *part != *root_parts) return false;
  }
  return true;
}

std::optional<std::filesystem::path> file_under(const std::filesystem::path& base, const std::string& request_path) {
  const auto start = request_path.find_first_not_of('/');
  const std::filesystem::path relative = start == std::string::npos ? "" : request_path.substr(start);
  if (relative.has_root_path()) return std::nullopt;
  std::error_code ec;
  auto file = std::filesystem::weakly_canonical(base / relative, ec);
  if (ec || !is_within(base, file)) return std::nullopt;
  return file;
}

}  // namespace patron::http
