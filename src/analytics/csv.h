#pragma once
// Minimal RFC 4180 field splitting for the input files analytics reads. The
// views point into the line, or into scratch when a field had quotes to undo.
#include <string>
#include <string_view>
#include <vector>

namespace patron::analytics {

// Splits one line (without its newline) on commas, honouring double quotes.
void split_csv_line(std::string_view line, std::vector<std::string_view>& fields,
                    std::string& scratch);

// Strips a trailing '\r' (files written on Windows) and surrounding spaces.
std::string_view trim(std::string_view text);

}  // namespace patron::analytics
