#include "analytics/synthetic_history_csv.h"

#include <cstdio>
#include <string>

namespace patron::analytics {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;

// RFC 3339 UTC, to the second; the generic reader groups a customer's lines
// with the same occurred_at into one purchase.
std::string rfc3339(std::int64_t epoch_seconds) {
  const auto day = static_cast<Day>(epoch_seconds / kSecondsPerDay);
  const auto second = epoch_seconds % kSecondsPerDay;
  char text[16];
  std::snprintf(text, sizeof text, "T%02d:%02d:%02dZ", static_cast<int>(second / 3600),
                static_cast<int>(second / 60 % 60), static_cast<int>(second % 60));
  return format_date(day) + text;
}

// The catalogue's names hold no commas or quotes, but a CSV writer quotes anyway.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char ch : text) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

}  // namespace

std::size_t write_synthetic_history_csv(std::ostream& out, const SyntheticOptions& options,
                                        const SyntheticCatalog& catalog) {
  out << "customer_id,occurred_at,sku,quantity,unit_price_minor\n";
  char customer[16];
  return generate_history(options, catalog, [&](const SyntheticPurchase& purchase) {
    std::snprintf(customer, sizeof customer, "C%08u", purchase.customer + 1);
    const std::string when = rfc3339(purchase.occurred_at);
    for (const auto& line : purchase.lines) {
      out << customer << ',' << when << ',' << catalog.sku[line.product] << ',' << line.quantity << ','
          << catalog.price_minor[line.product] << '\n';
    }
  });
}

void write_synthetic_catalog_csv(std::ostream& out, const SyntheticCatalog& catalog) {
  out << "sku,name,category,brand\n";
  for (std::size_t p = 0; p < catalog.size(); ++p) {
    out << catalog.sku[p] << ',' << quoted(catalog.name[p]) << ',' << catalog.category[p] << ',' << catalog.brand[p]
        << '\n';
  }
}

}  // namespace patron::analytics
