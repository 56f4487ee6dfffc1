#pragma once
// `patron gen-data`: a synthetic history (analytics/synthetic_history.h)
// written straight into the SQL store through the bulk history writer. Its
// customers are source "synthetic-<seed>", its purchases store
// "synthetic-<seed>"; generating the same seed twice is refused rather than
// doubling the history.
#include <cstdint>
#include <functional>

#include <soci/soci.h>

#include "analytics/synthetic_history.h"
#include "domain/result.h"
#include "storage/sql/history_writer.h"

namespace patron::app {

using GenDataProgress = std::function<void(std::size_t purchases_written)>;

Result<sql::HistoryCounts> generate_into_store(soci::session& session, const analytics::SyntheticOptions& options,
                                               std::int64_t now, const GenDataProgress& progress = {});

}  // namespace patron::app
