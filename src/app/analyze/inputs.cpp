#include "app/analyze/inputs.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "analytics/transaction_file.h"
#include "app/analyze/loaded_file.h"
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

// From the loaded file when there is one (a regular file), else as a stream.
Result<an::TransactionTable> read_purchases_file(const std::string& path, const LoadedFile* loaded,
                                                 an::TransactionFormat format, an::ReadReport& report,
                                                 ProgressBar& bar) {
  if (loaded) {
    auto table = an::read_transactions(loaded->text(), format, report);
    bar.update(loaded->text().size());
    return table;
  }
  auto input = open_input(path);
  return an::read_transactions(input, format, report, [&](std::size_t bytes) { bar.update(bytes); });
}

}  // namespace

void fail(const std::string& message) {
  std::cerr << "error: " << message << "\n";
  throw CLI::RuntimeError(1);
}

namespace {

an::TransactionFormat format_of(const TransactionOptions& options) {
  const auto format = an::parse_transaction_format(options.format);
  if (!format) fail("unknown --format " + options.format + " (generic, cdnow, online-retail)");
  return *format;
}

// Fails on a file none of whose lines parse, or that holds no purchases; notes rejected lines.
void check_read(const TransactionOptions& options, an::TransactionFormat format, bool read,
                const an::ReadReport& report, std::size_t purchases) {
  if (!read) {
    fail(options.file + ": no line could be read as --format " + options.format + "." +
         format_hint(options.file, format));
  }
  report_rejections(report, report.rejected_total() > 0 ? format_hint(options.file, format) : std::string{});
  if (purchases == 0) fail(options.file + " holds no purchases");
}

// A file up to this size is read on one core (transaction_slices.cpp cuts
// larger ones), so streaming it into totals loses no parallelism.
constexpr std::size_t kStreamedRfmBytes = std::size_t{4} << 20;

// The purchase table of options.file (loaded already, or null to load it here), or of the store.
an::TransactionTable table_of(const TransactionOptions& options, const LoadedFile* loaded) {
  if (options.file.empty()) {
    if (!options.from_store) fail("give --transactions FILE");
    return options.from_store();
  }
  const auto format = format_of(options);
  std::optional<LoadedFile> own;
  if (!loaded) {
    own = LoadedFile::open(options.file);
    if (own) loaded = &*own;
  }
  ProgressBar bar("reading " + options.file, size_of(options.file));
  an::ReadReport report;
  auto table = read_purchases_file(options.file, loaded, format, report, bar);
  check_read(options, format, table.ok(), report, table.ok() ? table->purchases.size() : 0);
  return std::move(table).value();
}

}  // namespace

an::TransactionTable load_transactions(const TransactionOptions& options) { return table_of(options, nullptr); }

RfmInput load_rfm_input(const TransactionOptions& options) {
  RfmInput input;
  if (!options.file.empty()) input.file = LoadedFile::open(options.file);
  if (input.file && input.file->text().size() <= kStreamedRfmBytes) {
    const auto format = format_of(options);
    an::ReadReport report;
    auto totals = an::read_rfm_totals(input.file->text(), format, report);
    check_read(options, format, totals.ok(), report, totals.ok() ? totals->purchases : 0);
    input.totals = std::move(totals).value();
    return input;
  }
  input.table = table_of(options, input.file ? &*input.file : nullptr);
  input.file.reset();  // the table owns its ids
  const auto& purchases = input.table.purchases;
  input.totals.totals = an::total_rfm(purchases, input.table.customer_count(), 0);
  input.totals.last_day = an::day_after_last_purchase(purchases) - 1;
  input.totals.ids.assign(input.table.customer_ids.begin(), input.table.customer_ids.end());
  input.table.purchases = {};  // only the ids are needed from here on
  return input;
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
