#pragma once
// Which file under the web root a request path names. Pure path logic, kept
// apart from the server so it can be tested without one.
#include <filesystem>
#include <optional>
#include <string>

namespace patron::http {

// True when `file` is `root` or lies under it, both canonical: compared by
// path components, so a sibling folder whose name only begins like the root's
// (dist-private beside dist) is outside.
bool is_within(const std::filesystem::path& root, const std::filesystem::path& file);

// The file a request path names under `base` (canonical), when it stays inside
// it once `..` and symbolic links are resolved; nothing otherwise. Leading
// slashes go, so "//etc/passwd" names etc/passwd under the root.
std::optional<std::filesystem::path> file_under(const std::filesystem::path& base, const std::string& request_path);

}  // namespace patron::http
