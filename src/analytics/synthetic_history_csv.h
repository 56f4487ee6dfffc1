#pragma once
// A synthetic history (synthetic_history.h) written as files instead of into
// the store, for `patron gen-data --out FILE` and the offline evaluation of
// the offers recommender: purchases in the `generic` layout
// (customer_id,occurred_at,sku,quantity,unit_price_minor, with a header) and
// the catalogue as `sku,name,category,brand` (the evaluator's --products).
// Customer ids are those gen-data gives the store (C00000001...).
#include <cstddef>
#include <ostream>

#include "analytics/synthetic_history.h"

namespace patron::analytics {

// Returns the number of purchases written.
std::size_t write_synthetic_history_csv(std::ostream& out, const SyntheticOptions& options,
                                        const SyntheticCatalog& catalog);

void write_synthetic_catalog_csv(std::ostream& out, const SyntheticCatalog& catalog);

}  // namespace patron::analytics
