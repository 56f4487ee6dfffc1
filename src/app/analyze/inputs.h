#pragma once
// The inputs of `patron analyze`: purchase files (or the SQL store through a
// hook), BTYD summaries and basket files, read with errors a person can act
// on. A failure prints "error: ..." and ends the command with exit code 1.
#include <functional>
#include <optional>
#include <string>

#include "analytics/baskets.h"
#include "analytics/calendar.h"
#include "analytics/rfm_file.h"
#include "analytics/transactions.h"
#include "app/analyze/loaded_file.h"

namespace patron::app {

[[noreturn]] void fail(const std::string& message);

struct TransactionOptions {
  std::string file;
  std::string format = "generic";
  std::function<analytics::TransactionTable()> from_store;  // used when no file is given
};

// Refuses an input without purchases; suggests the --format the file looks
// like when its lines do not parse in the given one.
analytics::TransactionTable load_transactions(const TransactionOptions& options);

// What `analyze rfm` scores: per-customer totals and their ids. A small file
// is streamed straight into totals (no purchase table); a large one, or the
// store, goes through the table, which is kept only for its ids.
struct RfmInput {
  std::optional<LoadedFile> file;
  analytics::TransactionTable table;
  analytics::RfmFileTotals totals;  // ids view `file` or `table.customer_ids`
};
RfmInput load_rfm_input(const TransactionOptions& options);

analytics::Baskets load_baskets(const std::string& file, const std::function<analytics::Baskets()>& from_store);

analytics::Day parse_day_option(const std::string& text, const char* option);

}  // namespace patron::app
