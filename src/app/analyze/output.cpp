#include "app/analyze/output.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

namespace patron::app {
namespace {

// One pass over the field (find_first_of searches the set once per character).
bool needs_csv_quotes(std::string_view text) {
  for (const char ch : text) {
    if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') return true;
  }
  return false;
}

void put_json_string(OutputSink& sink, std::string_view text) {
  sink.put('"');
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto ch = static_cast<unsigned char>(text[i]);
    if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
    sink.put(text.substr(plain_from, i - plain_from));
    plain_from = i + 1;
    // JSON's two-character escapes (\" \\ \n \r \t); other control characters are \u00XX.
    constexpr std::string_view kShortEscaped = "\"\\\n\r\t", kShortEscapeLetters = "\"\\nrt";
    if (const std::size_t short_form = kShortEscaped.find(static_cast<char>(ch));
        short_form != std::string_view::npos) {
      sink.put('\\');
      sink.put(kShortEscapeLetters[short_form]);
      continue;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    const char escaped[] = {'\\', 'u', '0', '0', kHex[ch >> 4], kHex[ch & 15]};
    sink.put(std::string_view(escaped, sizeof escaped));
  }
  sink.put(text.substr(plain_from));
  sink.put('"');
}

}  // namespace

// ---------------------------------------------------------------- sink

namespace {

// A number in [0.01, 10000) with at most four decimals (an input's 30.43 or
// 38.86 echoed back) written as its digits: the same characters as the
// shortest form std::to_chars finds (in this range fixed notation is never
// longer than scientific, and no other decimal of four places or fewer is as
// close), without its general search.
constexpr double kShortDecimalScale = 1e4;
constexpr int kShortDecimals = 4;

char* put_short_decimal(char* at, double value) {
  const double magnitude = std::fabs(value);
  if (!(magnitude >= 0.01 && magnitude < 1e4)) return nullptr;
  const double scaled = std::round(magnitude * kShortDecimalScale);
  if (scaled / kShortDecimalScale != magnitude) return nullptr;
  auto units = static_cast<std::uint64_t>(scaled);
  if (value < 0) *at++ = '-';
  at = std::to_chars(at, at + 8, units / 10000).ptr;
  auto fraction = static_cast<unsigned>(units % 10000);
  if (fraction == 0) return at;
  int decimals = kShortDecimals;
  while (fraction % 10 == 0) fraction /= 10, --decimals;
  *at++ = '.';
  for (int k = decimals - 1; k >= 0; --k) at[k] = static_cast<char>('0' + fraction % 10), fraction /= 10;
  return at + decimals;
}

}  // namespace

void OutputSink::put_number(double value) {
  char* at = number_room();
  char* end = put_short_decimal(at, value);
  if (end == nullptr) end = std::to_chars(at, at + kMaxNumberChars, value).ptr;
  used_ += static_cast<std::size_t>(end - at);
}

void OutputSink::put_number(std::int64_t value) {
  char* at = number_room();
  used_ += static_cast<std::size_t>(std::to_chars(at, at + kMaxNumberChars, value).ptr - at);
}

void OutputSink::flush() {
  if (used_ == 0) return;
  out_.write(buffer_.get(), static_cast<std::streamsize>(used_));
  used_ = 0;
}

// ---------------------------------------------------------------- JSON

void JsonWriter::newline() {
  if (!pretty_) return;
  sink_.put('\n');
  for (std::size_t depth = 0; depth < has_items_.size(); ++depth) sink_.put("  ");
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;
  if (has_items_.back()) sink_.put(',');
  has_items_.back() = true;
  newline();
}

JsonWriter& JsonWriter::open(char bracket) {
  before_value();
  sink_.put(bracket);
  has_items_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool had_items = has_items_.back();
  has_items_.pop_back();
  if (had_items) newline();
  sink_.put(bracket);
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  put_json_string(sink_, name);
  sink_.put(pretty_ ? ": " : ":");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  put_json_string(sink_, text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (std::isfinite(number)) {
    sink_.put_number(number);
  } else {
    sink_.put("null");
  }
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  sink_.put_number(number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  sink_.put(flag ? "true" : "false");
  return *this;
}

// ---------------------------------------------------------------- CSV

void CsvWriter::separator() {
  if (row_started_) sink_.put(',');
  row_started_ = true;
}

CsvWriter& CsvWriter::header(std::initializer_list<std::string_view> names) {
  for (const auto name : names) field(name);
  end_row();
  return *this;
}

CsvWriter& CsvWriter::field(std::string_view text) {
  separator();
  if (!needs_csv_quotes(text)) {
    sink_.put(text);
    return *this;
  }
  sink_.put('"');
  for (const char ch : text) {
    if (ch == '"') sink_.put('"');
    sink_.put(ch);
  }
  sink_.put('"');
  return *this;
}

CsvWriter& CsvWriter::field(double number) {
  separator();
  if (std::isfinite(number)) sink_.put_number(number);
  return *this;
}

CsvWriter& CsvWriter::field(std::int64_t number) {
  separator();
  sink_.put_number(number);
  return *this;
}

CsvWriter& CsvWriter::empty_field() {
  separator();
  return *this;
}

void CsvWriter::end_row() {
  sink_.put('\n');
  row_started_ = false;
}

void CsvWriter::comment(std::string_view line) {
  sink_.put("# ");
  sink_.put(line);
  sink_.put('\n');
}

// ---------------------------------------------------------------- target

struct OutputTarget::File {
  std::ofstream stream;
};

OutputTarget::OutputTarget(const OutputOptions& options, std::string_view name) {
  if (options.out_dir.empty()) {
    sink_ = std::make_unique<OutputSink>(std::cout);
    return;
  }
  std::error_code error;
  std::filesystem::create_directories(options.out_dir, error);
  const char* extension = options.format() == OutputFormat::csv    ? ".csv"
                          : options.format() == OutputFormat::json ? ".json"
                                                                   : ".txt";
  path_ = (std::filesystem::path(options.out_dir) / (std::string(name) + extension)).string();
  file_ = std::make_unique<File>();
  file_->stream.open(path_, std::ios::binary | std::ios::trunc);
  if (!file_->stream) {
    std::cerr << "error: cannot write " << path_ << "\n";
    throw CLI::RuntimeError(1);
  }
  sink_ = std::make_unique<OutputSink>(file_->stream);
}

void OutputTarget::close() {
  if (closed_) return;
  closed_ = true;
  sink_->flush();
  if (!file_) {
    std::cout.flush();
    return;
  }
  file_->stream.close();
  if (!file_->stream) {
    std::cerr << "error: cannot write " << path_ << "\n";
    throw CLI::RuntimeError(1);
  }
  std::cerr << "wrote " << path_ << "\n";
}

OutputTarget::~OutputTarget() {
  if (closed_) return;
  closed_ = true;  // an exception is on its way: flush what there is, quietly
  sink_->flush();
}

void write_output(const OutputOptions& out, std::string_view name, const FormatWriters& writers) {
  OutputTarget target(out, name);
  switch (out.format()) {
    case OutputFormat::json:
      writers.json(target.sink());
      break;
    case OutputFormat::csv:
      writers.csv(target.sink());
      break;
    case OutputFormat::text:
      writers.text(target.sink());
      break;
  }
  target.close();
}

}  // namespace patron::app
