#include "app/analyze/inputs.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "analytics/transaction_file.h"
#include "app/analyze/progress_bar.h"

namespace patron::app {
namespace {

namespace an = patron::analytics;

constexpr std::size_t kSniffBytes = 4096;

std::ifstream open_input(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  if (!input) fail("cannot open " + path);
  return input;
}

std::size_t size_of(const std::string& path) {
  std::error_code ignored;
  const auto size = std::filesystem::file_size(path, ignored);
  return ignored ? 0 : static_cast<std::size_t>(size);
}

std::string first_bytes(const std::string& path) {
  auto input = open_input(path);
  std::string text(kSniffBytes, '\0');
  input.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(input.gcount()));
  return text;
}

// " It looks like cdnow: try --format cdnow." or nothing.
std::string format_hint(const std::string& path, an::TransactionFormat given) {
  const auto guess = an::guess_transaction_format(first_bytes(path));
  if (!guess || *guess == given) return {};
  const std::string name(an::transaction_format_name(*guess));
  return " It looks like " + name + ": try --format " + name + ".";
}

void report_rejections(const an::ReadReport& report, const std::string& hint) {
  if (report.rejected_total() == 0) return;
  std::cerr << "read " << report.accepted << " of " << report.lines << " lines; rejected:";
  for (const auto& [reason, count] : report.rejected) std::cerr << " " << reason << " " << count << ";";
  std::cerr << "\n";
  if (!hint.empty() && report.rejected_total() * 2 > report.lines) std::cerr << "note:" << hint << "\n";
}

}  // namespace

void fail(const std::string& message) {
  std::cerr << "error: " << message << "\n";
  throw CLI::RuntimeError(1);
}

an::TransactionTable load_transactions(const TransactionOptions& options) {
  if (options.file.empty()) {
    if (!options.from_store) fail("give --transactions FILE");
    return options.from_store();
  }
  const auto format = an::parse_transaction_format(options.format);
  if (!format) fail("unknown --format " + options.format + " (generic, cdnow, online-retail)");
  auto input = open_input(options.file);
  ProgressBar bar("reading " + options.file, size_of(options.file));
  an::ReadReport report;
  auto table = an::read_transactions(input, *format, report, [&](std::size_t bytes) { bar.update(bytes); });
  if (!table.ok()) {
    fail(options.file + ": no line could be read as --format " + options.format + "." +
         format_hint(options.file, *format));
  }
  report_rejections(report, report.rejected_total() > 0 ? format_hint(options.file, *format) : std::string{});
  if (table->purchases.size() == 0) fail(options.file + " holds no purchases");
  return std::move(table).value();
}

an::Baskets load_baskets(const std::string& file, const std::function<an::Baskets()>& from_store) {
  if (file.empty()) {
    if (!from_store) fail("give --baskets FILE");
    return from_store();
  }
  auto input = open_input(file);
  auto baskets = an::read_baskets(input);
  if (!baskets.ok()) fail(file + ": " + baskets.error().message);
  if (baskets->size() == 0) fail(file + " holds no baskets");
  return std::move(baskets).value();
}

an::Day parse_day_option(const std::string& text, const char* option) {
  const auto day = an::parse_date(text);
  if (!day) fail(std::string(option) + " expects a date YYYY-MM-DD, got " + text);
  return *day;
}

}  // namespace patron::app
