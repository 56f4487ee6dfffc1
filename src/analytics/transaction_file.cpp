#include "analytics/transaction_file.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>

#include "analytics/cdnow_line.h"
#include "analytics/csv.h"
#include "analytics/table_builder.h"
#include "domain/checked.h"
#include "domain/enum_names.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kMaxExamples = 10;
constexpr std::size_t kBlockBytes = 1 << 20;
constexpr std::size_t kFirstBlockBytes = 1 << 14;

constexpr EnumNames kFormatNames({{TransactionFormat::generic, "generic"},
                                  {TransactionFormat::cdnow, "cdnow"},
                                  {TransactionFormat::online_retail, "online-retail"}},
                                 TransactionFormat::generic);

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

constexpr std::int64_t kMaxQuantity = 1'000'000'000;
constexpr std::int64_t kMaxUnitPriceMinor = 1'000'000'000'000;

// "H:MM[:SS]" after the date, separated by a space or 'T'; 0 when absent.
std::optional<std::int32_t> seconds_of_day(std::string_view time) {
  time = trim(time);
  if (!time.empty() && time.back() == 'Z') time.remove_suffix(1);
  if (time.empty()) return 0;
  const std::size_t colon = time.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::size_t second_colon = time.find(':', colon + 1);
  const auto hours = number<int>(time.substr(0, colon));
  const auto minutes = number<int>(time.substr(
      colon + 1, second_colon == std::string_view::npos ? std::string_view::npos : second_colon - colon - 1));
  const auto seconds =
      second_colon == std::string_view::npos ? std::optional<int>(0) : number<int>(time.substr(second_colon + 1, 2));
  if (!hours || !minutes || !seconds || *hours < 0 || *hours > 23 || *minutes < 0 || *minutes > 59 || *seconds < 0 ||
      *seconds > 60) {
    return std::nullopt;
  }
  return *hours * 3600 + *minutes * 60 + std::min(*seconds, 59);
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
  if (*quantity > kMaxQuantity || *price > kMaxUnitPriceMinor) return reject("quantity or price out of range");
  const auto amount = checked_mul(*quantity, *price);  // each is bounded, their product may not fit
  if (!amount) return reject("quantity or price out of range");
  const std::string_view when = trim(f[1]);
  const auto seconds = seconds_of_day(when.size() > 10 ? when.substr(11) : std::string_view{});
  if (!seconds) return reject("bad occurred_at");
  PurchaseLine line;  // in the file's column order, which makes the mapping easy to check
  line.customer_id = trim(f[0]);
  line.purchase_key = when;
  line.day = *day;
  line.seconds_of_day = *seconds;
  line.sku = trim(f[2]);
  line.quantity = *quantity;
  line.unit_price_minor = *price;
  line.amount_minor = *amount;
  if (f.size() > 5) line.currency = trim(f[5]);
  if (f.size() > 6) line.store = trim(f[6]);
  return {line, nullptr};
}

// "11.77" in cents, exactly: a price with at most two decimals needs no
// floating point. Anything else ("1e3", "0.125") goes through double and is
// rounded once, as before; nullopt when it is not a number at all.
constexpr std::int64_t kMaxExactMajor = 1'000'000'000'000'000;  // 1e15, as to_minor allows

std::optional<std::int64_t> parse_minor_units(std::string_view text) {
  std::int64_t major = 0;
  std::size_t at = 0;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9' && major <= kMaxExactMajor) {
    major = major * 10 + (text[at++] - '0');
  }
  std::int64_t cents = 0;
  std::size_t decimals = 0;
  if (at > 0 && at < text.size() && text[at] == '.') {
    for (++at; at < text.size() && decimals < 3 && text[at] >= '0' && text[at] <= '9'; ++at, ++decimals) {
      cents = cents * 10 + (text[at] - '0');
    }
  }
  if (at == text.size() && at > 0 && decimals <= 2 && major <= kMaxExactMajor) {
    return major * 100 + (decimals == 1 ? cents * 10 : cents);
  }
  const auto value = number<double>(text);
  if (!value) return std::nullopt;
  return to_minor(*value);
}

// Up to kMaxCdnowFields blank-separated tokens of a line; more make it
// invalid (count is then kMaxCdnowFields + 1).
constexpr std::size_t kMaxCdnowFields = 5;
struct CdnowTokens {
  std::array<std::string_view, kMaxCdnowFields> field;
  std::size_t count = 0;
};

CdnowTokens cdnow_tokens(std::string_view line) {
  const auto blank = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; };
  CdnowTokens tokens;
  std::size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && blank(line[pos])) ++pos;
    const std::size_t start = pos;
    while (pos < line.size() && !blank(line[pos])) ++pos;
    if (pos == start) break;
    if (tokens.count == kMaxCdnowFields) {
      ++tokens.count;
      break;
    }
    tokens.field[tokens.count++] = line.substr(start, pos - start);
  }
  return tokens;
}

Parsed parse_cdnow(std::string_view line) {
  const CdnowTokens tokens = cdnow_tokens(line);
  if (tokens.count != 4 && tokens.count != 5) return reject("expected 4 or 5 fields");
  const auto* f = tokens.field.data() + (tokens.count - 4);  // the sample has its sample_id second
  const auto day = parse_date(f[1]);
  if (!day) return reject("bad date");
  if (!f[3].empty() && f[3].front() == '-') return reject("bad dollar value");
  const auto amount = parse_minor_units(f[3]);
  if (!amount || *amount < 0) return reject("bad dollar value");
  const auto cds = number<std::int64_t>(f[2]);
  if (!cds || *cds < 0 || *cds > kMaxQuantity) return reject("bad number of CDs");
  PurchaseLine purchase;
  purchase.customer_id = f[0];
  purchase.day = *day;
  purchase.quantity = *cds;
  purchase.amount_minor = *amount;
  return {purchase, nullptr};
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
  const auto unit_price = to_minor(*price);
  if (!amount || !unit_price || *quantity > kMaxQuantity) return reject("bad quantity or unit price");
  const std::string_view date = trim(f[4]);
  const std::size_t space = date.find(' ');
  const auto seconds = seconds_of_day(space == std::string_view::npos ? std::string_view{} : date.substr(space + 1));
  if (!seconds) return reject("bad InvoiceDate");
  PurchaseLine line;  // in the file's column order, which makes the mapping easy to check
  line.purchase_key = invoice;
  line.sku = trim(f[1]);
  line.description = trim(f[2]);
  line.quantity = *quantity;
  line.day = *day;
  line.seconds_of_day = *seconds;
  line.unit_price_minor = *unit_price;
  line.customer_id = trim(f[6]);
  line.amount_minor = *amount;
  return {line, nullptr};
}

bool is_header(TransactionFormat format, std::string_view line) {
  switch (format) {
    case TransactionFormat::generic:
      return line.rfind("customer_id", 0) == 0;
    case TransactionFormat::online_retail:
      return line.rfind("InvoiceNo", 0) == 0;
    case TransactionFormat::cdnow: {  // CDNOW_master.txt names its columns; the sample does not
      const std::string_view text = trim(line);
      return text.rfind("customer_id", 0) == 0 || text.rfind("master_id", 0) == 0;
    }
  }
  return false;
}

}  // namespace

std::optional<TransactionFormat> parse_transaction_format(std::string_view name) { return kFormatNames.parse(name); }

std::string_view transaction_format_name(TransactionFormat format) { return kFormatNames.name(format); }

std::optional<TransactionFormat> guess_transaction_format(std::string_view first_lines) {
  std::size_t votes[3] = {0, 0, 0};
  std::vector<std::string_view> fields;
  std::string scratch;
  std::size_t start = 0;
  for (int seen = 0; seen < 20 && start < first_lines.size(); ++seen) {
    const std::size_t end = std::min(first_lines.find('\n', start), first_lines.size());
    const std::string_view line = trim(first_lines.substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    for (const auto format : {TransactionFormat::generic, TransactionFormat::cdnow, TransactionFormat::online_retail}) {
      Parsed parsed;
      if (is_header(format, line)) {
        votes[static_cast<int>(format)] += 2;
        continue;
      }
      if (format == TransactionFormat::cdnow) {
        parsed = parse_cdnow(line);
      } else {
        split_csv_line(line, fields, scratch);
        parsed = format == TransactionFormat::generic ? parse_generic(fields) : parse_online_retail(fields);
      }
      if (parsed.line || (format == TransactionFormat::online_retail && parsed.reason != nullptr &&
                          std::string_view(parsed.reason) == "cancellation")) {
        ++votes[static_cast<int>(format)];
      }
    }
  }
  const auto best = static_cast<std::size_t>(std::max_element(votes, votes + 3) - votes);
  if (votes[best] == 0) return std::nullopt;
  return static_cast<TransactionFormat>(best);
}

std::size_t ReadReport::rejected_total() const {
  std::size_t total = 0;
  for (const auto& [reason, count] : rejected) total += count;
  return total;
}

bool PurchaseLineReader::next_text(std::string_view& line) {
  while (true) {
    if (const void* newline = std::memchr(view_.data(), '\n', view_.size())) {
      line = view_.substr(0, static_cast<std::size_t>(static_cast<const char*>(newline) - view_.data()));
      view_.remove_prefix(line.size() + 1);
      bytes_ += line.size() + 1;
      return true;
    }
    if (input_ == nullptr || !*input_) {  // the last line has no newline
      if (view_.empty()) return false;
      line = view_;
      bytes_ += view_.size();
      view_ = {};
      return true;
    }
    block_.erase(0, block_.size() - view_.size());
    const std::size_t kept = block_.size();
    // Small first reads: a short file is not worth a megabyte of fresh pages.
    const std::size_t want = std::min(kBlockBytes, kFirstBlockBytes << std::min<std::size_t>(refills_++, 8));
    block_.resize(kept + want);
    input_->read(block_.data() + kept, static_cast<std::streamsize>(want));
    block_.resize(kept + static_cast<std::size_t>(input_->gcount()));
    view_ = block_;
  }
}

bool PurchaseLineReader::next(PurchaseLine& line, ReadReport& report) {
  if (format_ == TransactionFormat::cdnow && !first_) {
    const bool view_ends_file = input_ == nullptr || !*input_;
    if (const std::size_t used = detail::read_plain_cdnow_line(view_, view_ends_file, line)) {
      view_.remove_prefix(used);
      bytes_ += used;
      ++report.lines;
      ++report.accepted;
      return true;
    }
  }
  std::string_view text;
  while (next_text(text)) {
    const bool header = first_ && is_header(format_, text);
    first_ = false;
    if (header || trim(text).empty()) continue;
    ++report.lines;
    Parsed parsed;
    if (format_ == TransactionFormat::cdnow) {
      parsed = parse_cdnow(text);
    } else {
      split_csv_line(text, fields_, scratch_);
      parsed = format_ == TransactionFormat::generic ? parse_generic(fields_) : parse_online_retail(fields_);
    }
    if (parsed.line) {
      ++report.accepted;
      line = *parsed.line;
      return true;
    }
    ++report.rejected[parsed.reason];
    if (report.examples.size() < kMaxExamples) {
      report.examples.push_back("line " + std::to_string(report.lines) + ": " + parsed.reason);
    }
  }
  return false;
}

namespace detail {

bool same_purchase(TransactionFormat format, std::string_view first, std::string_view second) {
  if (format == TransactionFormat::cdnow) return false;  // every CDNOW line is a purchase of its own
  std::vector<std::string_view> fields;
  std::string scratch;
  const auto parse = [&](std::string_view text) {
    split_csv_line(text, fields, scratch);
    return format == TransactionFormat::generic ? parse_generic(fields) : parse_online_retail(fields);
  };
  const Parsed a = parse(first);
  if (!a.line || a.line->purchase_key.empty()) return false;
  const std::string customer(a.line->customer_id), key(a.line->purchase_key);  // the views die with the next parse
  const Parsed b = parse(second);
  return b.line && b.line->customer_id == customer && b.line->purchase_key == key;
}

}  // namespace detail

}  // namespace patron::analytics
