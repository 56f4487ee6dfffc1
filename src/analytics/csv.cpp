#include "analytics/csv.h"

namespace patron::analytics {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

void split_csv_line(std::string_view line, std::vector<std::string_view>& fields,
                    std::string& scratch) {
  fields.clear();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find('"') == std::string_view::npos) {  // the common case: no copying
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      fields.push_back(line.substr(start, comma - start));
      if (comma == std::string_view::npos) return;
      start = comma + 1;
    }
  }
  // Quoted fields are unescaped into scratch; reserve so views stay valid.
  scratch.clear();
  scratch.reserve(line.size());
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t field_start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        scratch.push_back('"');
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        scratch.push_back(ch);
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      spans.emplace_back(field_start, scratch.size() - field_start);
      field_start = scratch.size();
    } else {
      scratch.push_back(ch);
    }
  }
  spans.emplace_back(field_start, scratch.size() - field_start);
  for (const auto& [start, length] : spans) fields.push_back(std::string_view(scratch).substr(start, length));
}

}  // namespace patron::analytics
