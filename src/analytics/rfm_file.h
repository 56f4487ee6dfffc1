#pragma once
// RFM totals read straight from a purchases file in memory, without building
// the purchase table: for a file read only to be scored (`patron analyze rfm`).
// On a small file most of the time is first touches of fresh memory, and the
// table and its id strings are most of that memory. Purchases are the same as
// read_transactions finds (lines of one purchase merged), and customers come
// in the same order, so the scores equal compute_rfm's on the table.
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/rfm.h"
#include "analytics/transaction_file.h"
#include "domain/result.h"

namespace patron::analytics {

struct RfmFileTotals {
  std::vector<RfmTotal> totals;       // per customer, in order of first appearance
  std::vector<std::string_view> ids;  // into the text (valid while it is), or into `copies`
  std::deque<std::string> copies;     // ids unquoted from CSV fields, which are not in the text
  Day last_day = 0;                   // of the latest purchase
  std::size_t purchases = 0;          // the lines of one purchase count once

  std::size_t customer_count() const { return ids.size(); }
};

Result<RfmFileTotals> read_rfm_totals(std::string_view text, TransactionFormat format, ReadReport& report);

}  // namespace patron::analytics
