#pragma once
// Reads purchase files into columns, for `patron analyze --transactions` and
// for importers. Formats:
//   generic        customer_id,occurred_at,sku,quantity,unit_price_minor[,currency,store]
//   cdnow          CDNOW master (id date cds dollars) or sample (id sample_id date cds dollars),
//                  whitespace separated; the sample is keyed by sample_id
//   online-retail  UCI Online Retail: InvoiceNo,StockCode,Description,Quantity,
//                  InvoiceDate (M/D/YY H:MM),UnitPrice,CustomerID,Country[,TotalPrice]
// Lines of one purchase (same invoice, or same customer and occurred_at) that
// follow each other become one purchase row. Bad lines are counted by reason,
// not fatal: the report says how many and why.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/transactions.h"
#include "domain/result.h"

namespace patron::analytics {

enum class TransactionFormat { generic, cdnow, online_retail };

std::optional<TransactionFormat> parse_transaction_format(std::string_view name);
std::string_view transaction_format_name(TransactionFormat format);

// The format the first lines of a file look like, to suggest the right
// --format when lines are rejected; nullopt when none fits.
std::optional<TransactionFormat> guess_transaction_format(std::string_view first_lines);

struct ReadReport {
  std::size_t lines = 0;                        // data lines seen (header excluded)
  std::size_t accepted = 0;                     // lines that became (part of) a purchase
  std::map<std::string, std::size_t> rejected;  // reason -> lines
  std::vector<std::string> examples;            // first few rejected lines with reasons

  std::size_t rejected_total() const;
};

// Called every so many lines with the bytes consumed so far.
using ReadProgress = std::function<void(std::size_t bytes_read)>;

// One accepted line of a purchases file, with everything an importer stores.
// The views point into the reader's buffers and live until its next line.
struct PurchaseLine {
  std::string_view customer_id;
  Day day = 0;
  std::int32_t seconds_of_day = 0;  // 0 when the file gives dates only
  // Lines with the same key that follow each other are one purchase; an empty
  // key (CDNOW) makes every line its own purchase.
  std::string_view purchase_key;
  std::string_view sku;          // empty for CDNOW, which has no items
  std::string_view description;  // online retail only
  std::string_view currency;     // generic's optional column
  std::string_view store;        // generic's optional column
  std::int64_t quantity = 0;
  std::int64_t unit_price_minor = 0;
  // The line's value as the analyses count it: quantity x price for generic,
  // the price in major units times quantity rounded once for online retail,
  // the dollar value for CDNOW.
  std::int64_t amount_minor = 0;
};

// Reads a purchases file line by line: the one parser behind both
// read_transactions and `patron import`, so the two see the same purchases.
class PurchaseLineReader {
 public:
  // header_possible: false for a slice that starts mid-file (its first line is data).
  PurchaseLineReader(std::istream& input, TransactionFormat format, bool header_possible = true)
      : input_(&input), format_(format), first_(header_possible) {}
  // Over text already in memory (a mapped file, a slice of one): no copy.
  PurchaseLineReader(std::string_view text, TransactionFormat format, bool header_possible = true)
      : input_(nullptr), format_(format), view_(text), first_(header_possible) {}

  // Fills `line` with the next accepted line and returns true, or returns
  // false at the end; rejected lines are counted in `report` and skipped.
  bool next(PurchaseLine& line, ReadReport& report);
  std::size_t bytes_read() const { return bytes_; }

 private:
  // The next line (without '\n') from the block buffer, refilled as needed.
  bool next_text(std::string_view& line);

  std::istream* input_;  // null when reading a view
  TransactionFormat format_;
  std::string block_, scratch_;
  std::string_view view_;  // the unread text: of block_, or of the caller's view
  std::size_t refills_ = 0;
  std::vector<std::string_view> fields_;
  std::size_t bytes_ = 0;
  bool first_;
};

// The shortest purchase line any format allows ("1 19970101 1 0\n"): a text
// holds at most size / this many rows. Readers reserve that many rows, which
// costs no memory until written (growing by doubling copies and faults in every
// page twice), but never more than kMaxReservedRows: past it, tables grow.
inline constexpr std::size_t kMinPurchaseLineBytes = 15;
inline constexpr std::size_t kMaxReservedRows = std::size_t{1} << 22;
inline std::size_t rows_to_reserve(std::size_t text_bytes) {
  return std::min(text_bytes / kMinPurchaseLineBytes + 1, kMaxReservedRows);
}

// The whole file is read into memory (at most kMaxTransactionFileBytes) and,
// when large, parsed in slices on every core; a slice never splits a purchase.
inline constexpr std::size_t kMaxTransactionFileBytes = std::size_t{8} << 30;
Result<TransactionTable> read_transactions(std::istream& input, TransactionFormat format, ReadReport& report,
                                           const ReadProgress& progress = {});
// The same over a file already in memory (at most kMaxTransactionFileBytes).
Result<TransactionTable> read_transactions(std::string_view text, TransactionFormat format, ReadReport& report);

}  // namespace patron::analytics
