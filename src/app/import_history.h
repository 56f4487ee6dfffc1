#pragma once
// `patron import FILE --format ...`: purchases files into the SQL store. The
// lines of a file are grouped into purchases exactly as the file analyses
// group them (analytics/transaction_file.h), so analysing the store after an
// import gives what analysing the file gives. Each purchase gets an external
// id derived from the file (the invoice number, or customer and time), unique
// within its store; re-importing a file therefore changes nothing. Imports
// award no points (see storage/sql/history_writer.h).
#include <cstdint>
#include <functional>
#include <istream>
#include <string>

#include <soci/soci.h>

#include "analytics/transaction_file.h"
#include "storage/sql/history_writer.h"

namespace patron::app {

struct ImportOptions {
  analytics::TransactionFormat format = analytics::TransactionFormat::generic;
  std::string source;      // customer id namespace; default: the format's name
  std::string store_code;  // default: "import", "online-retail" or "cdnow"; generic's store column wins
  std::string currency;    // default: USD, GBP for online retail; generic's currency column wins
};

struct ImportSummary {
  analytics::ReadReport read;
  sql::HistoryCounts written;
  std::size_t purchases_in_file = 0;
};

// Called every so many lines with the bytes read so far.
using ImportProgress = std::function<void(std::size_t bytes_read)>;

ImportSummary import_history(soci::session& session, std::istream& input, const ImportOptions& options,
                             std::int64_t now, const ImportProgress& progress = {});

// The validation report: lines read, accepted, rejected per reason with
// examples, and what was written.
std::string format_import_report(const ImportSummary& summary);

}  // namespace patron::app
