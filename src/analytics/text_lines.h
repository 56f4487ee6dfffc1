#pragma once
// Whole-file input for the analytics readers: one read into memory, then
// lines as views (no per-line allocation), numbers parsed as people write them.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patron::analytics {

// Reads everything left in input, up to max_bytes; false when there was more.
bool read_all(std::istream& input, std::size_t max_bytes, std::string& text);

// Iterates the lines of a buffer; a final line without '\n' counts.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}
  bool next(std::string_view& line);
  std::size_t line_number() const { return line_number_; }
  std::size_t offset() const { return offset_; }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::size_t line_number_ = 0;
};

// A decimal number as written in a spreadsheet or by pandas: surrounding
// spaces and a leading '+' are accepted; NaN, inf and trailing junk are not.
std::optional<double> parse_decimal(std::string_view text);

// The row index of the first value equal to an earlier one, if any; expected
// linear time (hashing), for id columns of millions of rows.
std::optional<std::size_t> first_duplicate(const std::vector<std::string>& values);

}  // namespace patron::analytics
