#include "app/gen_data.h"

#include <cstdio>
#include <string>

namespace patron::app {
namespace {

constexpr std::size_t kProgressEveryPurchases = 100'000;
constexpr const char* kCurrency = "USD";

}  // namespace

Result<sql::HistoryCounts> generate_into_store(soci::session& session, const analytics::SyntheticOptions& options,
                                               std::int64_t now, const GenDataProgress& progress) {
  if (options.customers == 0) return Error::validation("--customers", "must be at least 1");
  if (options.purchases < options.customers) {
    return Error::validation("--transactions", "must be at least --customers: every customer buys once");
  }
  const std::string name = "synthetic-" + std::to_string(options.seed);
  sql::HistoryWriter writer(session, name, now);
  if (writer.purchases_in_store(name) > 0) {
    return Error::conflict("store " + name + " already holds a generated history; use another --seed");
  }
  const analytics::SyntheticCatalog catalog = analytics::synthetic_catalog(options);
  for (std::size_t p = 0; p < catalog.size(); ++p) {
    writer.add_product({"", catalog.sku[p], catalog.name[p], catalog.category[p], catalog.brand[p],
                        catalog.price_minor[p], kCurrency});
  }
  sql::HistoryPurchase purchase;
  purchase.store_code = name;
  purchase.currency = kCurrency;
  char text[32];
  std::size_t written = 0;
  analytics::generate_history(options, catalog, [&](const analytics::SyntheticPurchase& generated) {
    std::snprintf(text, sizeof text, "C%08u", generated.customer + 1);
    purchase.customer_external_id = text;
    std::snprintf(text, sizeof text, "G%010zu", ++written);
    purchase.external_id = text;
    purchase.occurred_at = generated.occurred_at;
    purchase.total_minor = 0;
    purchase.lines.resize(generated.lines.size());
    for (std::size_t l = 0; l < generated.lines.size(); ++l) {
      const auto& line = generated.lines[l];
      auto& out = purchase.lines[l];
      out.sku = catalog.sku[line.product];
      out.name = catalog.name[line.product];
      out.category = catalog.category[line.product];
      out.quantity = line.quantity;
      out.unit_price_minor = catalog.price_minor[line.product];
      purchase.total_minor += out.quantity * out.unit_price_minor;
    }
    // The ids above are new by construction (the store was empty).
    writer.add(purchase, false);
    if (progress && written % kProgressEveryPurchases == 0) progress(written);
  });
  writer.flush();
  if (progress) progress(written);
  return writer.counts();
}

}  // namespace patron::app
