#include "app/import_history.h"

#include <sstream>
#include <unordered_map>

namespace patron::app {
namespace {

namespace an = patron::analytics;

constexpr std::size_t kProgressEveryLines = 1 << 14;

const char* format_name(an::TransactionFormat format) {
  switch (format) {
    case an::TransactionFormat::generic: return "generic";
    case an::TransactionFormat::cdnow: return "cdnow";
    case an::TransactionFormat::online_retail: return "online-retail";
  }
  return "generic";
}

std::string default_store(an::TransactionFormat format) {
  return format == an::TransactionFormat::generic ? "import" : format_name(format);
}

std::string default_currency(an::TransactionFormat format) {
  return format == an::TransactionFormat::online_retail ? "GBP" : "USD";
}

std::string yyyymmdd(an::Day day) {
  std::string date = an::format_date(day);
  std::erase(date, '-');
  return date;
}

// Accumulates the lines of one purchase and hands finished purchases to the
// writer, naming each by its file key; a key seen again later in the file
// (the same invoice not adjacent) gets "#2", "#3", ... as the file reader
// makes it a separate purchase too.
class PurchaseAssembler {
 public:
  PurchaseAssembler(sql::HistoryWriter& writer, const ImportOptions& options, ImportSummary& summary)
      : writer_(writer), options_(options), summary_(summary) {}

  void add(const an::PurchaseLine& line) {
    const bool continues = open_ && !line.purchase_key.empty() && line.customer_id == current_.customer_external_id &&
                           line.purchase_key == key_;
    if (!continues) {
      finish();
      start(line);
    }
    current_.total_minor += line.amount_minor;
    if (options_.format == an::TransactionFormat::cdnow) return;  // CDNOW lines carry no items
    current_.lines.push_back({{std::string(line.sku), "", line.quantity, line.unit_price_minor},
                              std::string(line.description)});
    writer_.add_product({"", std::string(line.sku), std::string(line.description), "", "", line.unit_price_minor,
                         current_.currency});
  }

  void finish() {
    if (!open_) return;
    open_ = false;
    ++summary_.purchases_in_file;
    writer_.add(current_);
  }

 private:
  void start(const an::PurchaseLine& line) {
    open_ = true;
    key_.assign(line.purchase_key);
    current_.customer_external_id.assign(line.customer_id);
    current_.store_code = line.store.empty() ? options_.store_code : std::string(line.store);
    current_.currency = line.currency.empty() ? options_.currency : std::string(line.currency);
    current_.occurred_at = static_cast<std::int64_t>(line.day) * 86'400 + line.seconds_of_day;
    current_.total_minor = 0;
    current_.lines.clear();
    std::string base;
    switch (options_.format) {
      case an::TransactionFormat::online_retail: base = key_; break;
      case an::TransactionFormat::generic: base = current_.customer_external_id + "@" + key_; break;
      case an::TransactionFormat::cdnow: base = current_.customer_external_id + "@" + yyyymmdd(line.day); break;
    }
    const std::size_t seen = ++occurrences_[current_.store_code + '\n' + base];
    current_.external_id = seen == 1 ? base : base + "#" + std::to_string(seen);
  }

  sql::HistoryWriter& writer_;
  const ImportOptions& options_;
  ImportSummary& summary_;
  sql::HistoryPurchase current_;
  std::string key_;
  bool open_ = false;
  std::unordered_map<std::string, std::size_t> occurrences_;
};

}  // namespace

ImportSummary import_history(soci::session& session, std::istream& input, const ImportOptions& given,
                             std::int64_t now, const ImportProgress& progress) {
  ImportOptions options = given;
  if (options.source.empty()) options.source = format_name(options.format);
  if (options.store_code.empty()) options.store_code = default_store(options.format);
  if (options.currency.empty()) options.currency = default_currency(options.format);
  ImportSummary summary;
  sql::HistoryWriter writer(session, options.source, now);
  PurchaseAssembler assembler(writer, options, summary);
  an::PurchaseLineReader reader(input, options.format);
  an::PurchaseLine line;
  std::size_t next_progress = kProgressEveryLines;
  while (reader.next(line, summary.read)) {
    assembler.add(line);
    if (progress && summary.read.lines >= next_progress) {
      progress(reader.bytes_read());
      next_progress = summary.read.lines + kProgressEveryLines;
    }
  }
  assembler.finish();
  writer.flush();
  if (progress) progress(reader.bytes_read());
  summary.written = writer.counts();
  return summary;
}

std::string format_import_report(const ImportSummary& s) {
  std::ostringstream text;
  text << "read " << s.read.lines << " lines: " << s.read.accepted << " accepted, " << s.read.rejected_total()
       << " rejected\n";
  for (const auto& [reason, count] : s.read.rejected) text << "  rejected " << count << ": " << reason << "\n";
  for (const auto& example : s.read.examples) text << "  e.g. " << example << "\n";
  text << s.purchases_in_file << " purchases in the file: " << s.written.purchases_written << " written ("
       << s.written.lines_written << " lines), " << s.written.purchases_already_stored << " already stored\n"
       << "created " << s.written.customers_created << " customers, " << s.written.products_created
       << " products, " << s.written.stores_created << " stores; no points awarded\n";
  return text.str();
}

}  // namespace patron::app
