#include "analytics/text_lines.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <iterator>

#include "analytics/csv.h"

namespace patron::analytics {

bool read_all(std::istream& input, std::size_t max_bytes, std::string& text) {
  text.clear();
  char block[1 << 16];
  while (input.read(block, sizeof block) || input.gcount() > 0) {
    if (text.size() + static_cast<std::size_t>(input.gcount()) > max_bytes) return false;
    text.append(block, static_cast<std::size_t>(input.gcount()));
  }
  return true;
}

bool LineCursor::next(std::string_view& line) {
  if (offset_ >= text_.size()) return false;
  const void* newline = std::memchr(text_.data() + offset_, '\n', text_.size() - offset_);
  const std::size_t end = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text_.data())
                                  : text_.size();
  line = text_.substr(offset_, end - offset_);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  offset_ = end + 1;
  ++line_number_;
  return true;
}

std::optional<double> parse_decimal(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) return std::nullopt;
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::size_t> first_duplicate(const std::vector<std::string>& values) {
  constexpr std::uint32_t kEmpty = UINT32_MAX;
  std::size_t capacity = 16;
  while (capacity < values.size() * 2) capacity *= 2;
  std::vector<std::uint32_t> slots(capacity, kEmpty);
  const std::hash<std::string_view> hash;
  for (std::size_t row = 0; row < values.size(); ++row) {
    std::size_t slot = hash(values[row]) & (capacity - 1);
    while (slots[slot] != kEmpty) {
      if (values[slots[slot]] == values[row]) return row;
      slot = (slot + 1) & (capacity - 1);
    }
    slots[slot] = static_cast<std::uint32_t>(row);
  }
  return std::nullopt;
}

}  // namespace patron::analytics
