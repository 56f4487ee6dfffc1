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

struct ReadReport {
  std::size_t lines = 0;     // data lines seen (header excluded)
  std::size_t accepted = 0;  // lines that became (part of) a purchase
  std::map<std::string, std::size_t> rejected;  // reason -> lines
  std::vector<std::string> examples;  // first few rejected lines with reasons

  std::size_t rejected_total() const;
};

// Called every so many lines with the bytes consumed so far.
using ReadProgress = std::function<void(std::size_t bytes_read)>;

Result<TransactionTable> read_transactions(std::istream& input, TransactionFormat format,
                                           ReadReport& report, const ReadProgress& progress = {});

}  // namespace patron::analytics
