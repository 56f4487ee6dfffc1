#pragma once
// Streaming output for `patron analyze`: only the requested format is built,
// row by row into a bounded buffer, so a million-customer table never sits in
// memory twice. JSON is compact unless --pretty; numbers are written in their
// shortest round-trip form, so a reader gets back exactly the double we had.
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace patron::app {

enum class OutputFormat { text, csv, json };

struct OutputOptions {
  bool json = false;
  bool csv = false;
  bool pretty = false;  // indented JSON, for people
  std::string out_dir;  // write <name>.json|csv here instead of stdout

  OutputFormat format() const { return json ? OutputFormat::json : csv ? OutputFormat::csv : OutputFormat::text; }
};

// Buffered bytes to an ostream: flushed in large blocks and at the end.
class OutputSink {
 public:
  explicit OutputSink(std::ostream& out) : out_(out), buffer_(new char[kBlockBytes]) {}
  ~OutputSink() { flush(); }
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  void put(std::string_view text) {
    if (used_ + text.size() > kBlockBytes) {
      flush();
      if (text.size() > kBlockBytes) {
        out_.write(text.data(), static_cast<std::streamsize>(text.size()));
        return;
      }
    }
    std::memcpy(buffer_.get() + used_, text.data(), text.size());
    used_ += text.size();
  }
  void put(char ch) {
    if (used_ == kBlockBytes) flush();
    buffer_[used_++] = ch;
  }
  void put_number(double value);
  void put_number(std::int64_t value);
  void flush();

 private:
  static constexpr std::size_t kBlockBytes = 1 << 16;
  static constexpr std::size_t kMaxNumberChars = 32;
  // Where a number is written, straight into the block (the longest, a
  // double's shortest form, is 24 characters): flushed first when it has less room.
  char* number_room() {
    if (used_ + kMaxNumberChars > kBlockBytes) flush();
    return buffer_.get() + used_;
  }
  std::ostream& out_;
  std::unique_ptr<char[]> buffer_;
  std::size_t used_ = 0;
};

// A JSON document written as it goes; the writer tracks commas and, when
// pretty, indentation. Non-finite numbers are written as null.
class JsonWriter {
 public:
  JsonWriter(OutputSink& sink, bool pretty) : sink_(sink), pretty_(pretty) {}
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::uint64_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::uint32_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  void finish() { sink_.put('\n'); }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void before_value();
  void newline();
  OutputSink& sink_;
  bool pretty_;
  bool after_key_ = false;
  std::vector<bool> has_items_;  // per open container
};

// RFC 4180 rows: fields quoted only when they must be.
class CsvWriter {
 public:
  explicit CsvWriter(OutputSink& sink) : sink_(sink) {}
  CsvWriter& header(std::initializer_list<std::string_view> names);
  CsvWriter& field(std::string_view text);
  CsvWriter& field(const char* text) { return field(std::string_view(text)); }
  CsvWriter& field(double number);
  CsvWriter& field(std::int64_t number);
  CsvWriter& field(std::uint32_t number) { return field(static_cast<std::int64_t>(number)); }
  CsvWriter& field(int number) { return field(static_cast<std::int64_t>(number)); }
  CsvWriter& empty_field();
  void end_row();
  // "# key: value" lines before the header (pandas: comment='#').
  void comment(std::string_view line);

 private:
  void separator();
  OutputSink& sink_;
  bool row_started_ = false;
};

// Where a command's body goes: stdout, or <out_dir>/<name>.<ext> with a note
// on stderr. Throws CLI::RuntimeError(1) after an "error:" line on failure.
class OutputTarget {
 public:
  OutputTarget(const OutputOptions& options, std::string_view name);
  ~OutputTarget();
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;
  OutputSink& sink() { return *sink_; }
  void close();  // flushes and checks the write; called by the destructor too

 private:
  struct File;
  std::unique_ptr<File> file_;
  std::unique_ptr<OutputSink> sink_;
  std::string path_;
  bool closed_ = false;
};

// How a command writes its body in each format.
struct FormatWriters {
  std::function<void(OutputSink&)> json, csv, text;
};

// Writes the body in the format `out` asks for, to the target it names.
void write_output(const OutputOptions& out, std::string_view name, const FormatWriters& writers);

}  // namespace patron::app
