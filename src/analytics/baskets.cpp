#include "analytics/baskets.h"

#include <algorithm>
#include <cassert>

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

Baskets baskets_from_lines(const std::vector<std::uint32_t>& basket_row, const std::vector<std::uint32_t>& item,
                           std::vector<std::string> item_names) {
  assert(basket_row.size() == item.size());
  Baskets baskets;
  baskets.item_names = std::move(item_names);
  baskets.items.reserve(item.size());
  for (std::size_t i = 0; i < item.size(); ++i) {
    if (i > 0 && basket_row[i] != basket_row[i - 1]) {
      baskets.offset.push_back(static_cast<std::uint32_t>(baskets.items.size()));
    }
    if (item[i] >= baskets.item_names.size()) continue;
    const auto first = baskets.items.begin() + baskets.offset.back();
    if (std::find(first, baskets.items.end(), item[i]) == baskets.items.end()) baskets.items.push_back(item[i]);
  }
  if (!item.empty()) baskets.offset.push_back(static_cast<std::uint32_t>(baskets.items.size()));
  return baskets;
}

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
