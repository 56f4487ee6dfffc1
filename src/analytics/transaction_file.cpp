#include "analytics/transaction_file.h"

#include <charconv>
#include <cstdio>
#include <cmath>
#include <unordered_map>

#include "analytics/csv.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMaxExamples = 10;
constexpr std::size_t kProgressEveryLines = 1 << 16;

// One input line, parsed; purchase_key groups the lines of one purchase.
struct PurchaseLine {
  std::string_view customer_id;
  Day day = 0;
  std::int64_t amount_minor = 0;
  std::string_view purchase_key;
};

// A parse either yields a line or the reason it was rejected.
struct Parsed {
  std::optional<PurchaseLine> line;
  const char* reason = nullptr;
};

Parsed reject(const char* reason) { return {std::nullopt, reason}; }

template <typename T>
std::optional<T> number(std::string_view text) {
  text = trim(text);
  T value{};
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> to_minor(double major) {
  if (!std::isfinite(major) || std::fabs(major) > 1e15) return std::nullopt;
  return std::llround(major * 100.0);
}

Parsed parse_generic(const std::vector<std::string_view>& f) {
  if (f.size() < 5) return reject("too few fields");
  const auto day = parse_date(trim(f[1]));
  const auto quantity = number<std::int64_t>(f[3]);
  const auto price = number<std::int64_t>(f[4]);
  if (trim(f[0]).empty()) return reject("no customer id");
  if (!day) return reject("bad occurred_at");
  if (!quantity || !price) return reject("bad quantity or unit_price_minor");
  if (*quantity <= 0 || *price < 0) return reject("non-positive quantity or negative price");
  return {PurchaseLine{trim(f[0]), *day, *quantity * *price, trim(f[1])}, nullptr};
}

Parsed parse_cdnow(std::string_view line, std::vector<std::string_view>& f) {
  f.clear();
  std::size_t start = line.find_first_not_of(" \t\r");
  while (start != std::string_view::npos) {
    const std::size_t end = line.find_first_of(" \t\r", start);
    f.push_back(line.substr(start, end - start));
    start = end == std::string_view::npos ? end : line.find_first_not_of(" \t\r", end);
  }
  if (f.size() != 4 && f.size() != 5) return reject("expected 4 or 5 fields");
  const std::size_t at = f.size() - 4;  // the sample has its sample_id second
  const auto day = parse_date(f[at + 1]);
  const auto dollars = number<double>(f[at + 3]);
  if (!day) return reject("bad date");
  if (!dollars || *dollars < 0) return reject("bad dollar value");
  const auto amount = to_minor(*dollars);
  if (!amount) return reject("bad dollar value");
  return {PurchaseLine{f[at], *day, *amount, {}}, nullptr};
}

// "12/1/10 8:26" (two-digit years are 20YY) or "12/1/2010 08:26".
std::optional<Day> parse_us_date(std::string_view text) {
  const std::size_t first = text.find('/');
  const std::size_t second = first == std::string_view::npos ? first : text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::size_t space = text.find(' ', second);
  const auto month = number<int>(text.substr(0, first));
  const auto day = number<int>(text.substr(first + 1, second - first - 1));
  auto year = number<int>(text.substr(second + 1, space == std::string_view::npos ? space : space - second - 1));
  if (!month || !day || !year || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
  if (*year < 100) *year += 2000;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d%02d%02d", *year % 10000, *month, *day);
  return parse_date(iso);
}

Parsed parse_online_retail(const std::vector<std::string_view>& f) {
  if (f.size() < 8) return reject("too few fields");
  const std::string_view invoice = trim(f[0]);
  if (!invoice.empty() && (invoice[0] == 'C' || invoice[0] == 'c')) return reject("cancellation");
  if (trim(f[6]).empty()) return reject("no customer id (guest)");
  const auto quantity = number<std::int64_t>(f[3]);
  const auto price = number<double>(f[5]);
  const auto day = parse_us_date(trim(f[4]));
  if (!day) return reject("bad InvoiceDate");
  if (!quantity || !price) return reject("bad quantity or unit price");
  if (*quantity <= 0 || *price < 0) return reject("non-positive quantity or negative price");
  const auto amount = to_minor(static_cast<double>(*quantity) * *price);
  if (!amount) return reject("bad quantity or unit price");
  return {PurchaseLine{trim(f[6]), *day, *amount, invoice}, nullptr};
}

bool is_header(TransactionFormat format, std::string_view line) {
  switch (format) {
    case TransactionFormat::generic: return line.rfind("customer_id", 0) == 0;
    case TransactionFormat::online_retail: return line.rfind("InvoiceNo", 0) == 0;
    case TransactionFormat::cdnow: return false;
  }
  return false;
}

// Appends purchases, merging a line into the previous purchase when it
// continues it, and interning customer ids into dense indexes.
class TableBuilder {
 public:
  void add(const PurchaseLine& line) {
    const std::uint32_t customer = intern(line.customer_id);
    const bool continues = !line.purchase_key.empty() && customer == last_customer_ &&
                           line.purchase_key == last_key_ && table_.purchases.size() > 0;
    if (continues) {
      table_.purchases.amount_minor.back() += line.amount_minor;
    } else {
      table_.purchases.push_back(customer, line.day, line.amount_minor);
    }
    last_customer_ = customer;
    last_key_.assign(line.purchase_key);
  }
  TransactionTable finish() { return std::move(table_); }

 private:
  std::uint32_t intern(std::string_view id) {
    auto [it, inserted] = index_.try_emplace(std::string(id), static_cast<std::uint32_t>(table_.customer_ids.size()));
    if (inserted) table_.customer_ids.emplace_back(id);
    return it->second;
  }
  TransactionTable table_;
  std::unordered_map<std::string, std::uint32_t> index_;
  std::uint32_t last_customer_ = UINT32_MAX;
  std::string last_key_;
};

}  // namespace

std::optional<TransactionFormat> parse_transaction_format(std::string_view name) {
  if (name == "generic") return TransactionFormat::generic;
  if (name == "cdnow") return TransactionFormat::cdnow;
  if (name == "online-retail") return TransactionFormat::online_retail;
  return std::nullopt;
}

std::size_t ReadReport::rejected_total() const {
  std::size_t total = 0;
  for (const auto& [reason, count] : rejected) total += count;
  return total;
}

Result<TransactionTable> read_transactions(std::istream& input, TransactionFormat format,
                                           ReadReport& report, const ReadProgress& progress) {
  TableBuilder builder;
  std::string line, scratch;
  std::vector<std::string_view> fields;
  std::size_t bytes = 0;
  bool first = true;
  while (std::getline(input, line)) {
    bytes += line.size() + 1;
    if (first && is_header(format, line)) {
      first = false;
      continue;
    }
    first = false;
    if (trim(line).empty()) continue;
    ++report.lines;
    Parsed parsed;
    if (format == TransactionFormat::cdnow) {
      parsed = parse_cdnow(line, fields);
    } else {
      split_csv_line(line, fields, scratch);
      parsed = format == TransactionFormat::generic ? parse_generic(fields) : parse_online_retail(fields);
    }
    if (parsed.line) {
      ++report.accepted;
      builder.add(*parsed.line);
    } else {
      ++report.rejected[parsed.reason];
      if (report.examples.size() < kMaxExamples) {
        report.examples.push_back("line " + std::to_string(report.lines) + ": " + parsed.reason);
      }
    }
    if (progress && report.lines % kProgressEveryLines == 0) progress(bytes);
  }
  if (progress) progress(bytes);
  if (report.lines > 0 && report.accepted == 0) {
    return Error::validation("transactions", "no line could be read in this format");
  }
  return builder.finish();
}

}  // namespace patron::analytics
