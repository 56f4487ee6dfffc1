#include "analytics/baskets.h"

#include <algorithm>

#include "analytics/csv.h"

namespace patron::analytics {

void BasketBuilder::add_item(std::string_view name) {
  auto [it, inserted] =
      index_.try_emplace(std::string(name), static_cast<std::uint32_t>(baskets_.item_names.size()));
  if (inserted) baskets_.item_names.emplace_back(name);
  const auto first = baskets_.items.begin() + baskets_.offset.back();
  if (std::find(first, baskets_.items.end(), it->second) == baskets_.items.end()) {
    baskets_.items.push_back(it->second);
  }
}

void BasketBuilder::end_basket() {
  baskets_.offset.push_back(static_cast<std::uint32_t>(baskets_.items.size()));
}

Baskets BasketBuilder::finish() { return std::move(baskets_); }

Result<Baskets> read_baskets(std::istream& input) {
  BasketBuilder builder;
  std::string line, scratch;
  std::vector<std::string_view> fields;
  while (std::getline(input, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    split_csv_line(line, fields, scratch);
    // Names are kept verbatim (arules keeps groceries' "cream cheese " too).
    for (const std::string_view item : fields) {
      if (!trim(item).empty()) builder.add_item(item);
    }
    builder.end_basket();
  }
  Baskets baskets = builder.finish();
  if (baskets.size() == 0) return Error::validation("baskets", "no baskets in the file");
  return baskets;
}

}  // namespace patron::analytics
