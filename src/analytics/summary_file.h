#pragma once
// Reads a per-customer BTYD summary, as the CDNOW files are published, with
// either header: ID,frequency,recency,T[,monetary_value] (lifetimes' names)
// or ID,x,t_x,T,zbar (Hardie's names). Columns are found by name.
#include <istream>
#include <string>
#include <vector>

#include "analytics/customer_summary.h"
#include "domain/result.h"

namespace patron::analytics {

struct SummaryTable {
  CustomerSummary summary;  // customer_index is the row number
  std::vector<std::string> customer_ids;
};

Result<SummaryTable> read_summary(std::istream& input);

}  // namespace patron::analytics
