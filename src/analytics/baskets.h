#pragma once
// Market baskets in compressed rows: basket k holds items[offset[k] ..
// offset[k+1]), each item once. Item ids are dense; item_names maps them back.
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/result.h"

namespace patron::analytics {

struct Baskets {
  std::vector<std::uint32_t> offset{0};
  std::vector<std::uint32_t> items;
  std::vector<std::string> item_names;

  std::size_t size() const { return offset.size() - 1; }
  std::size_t item_count() const { return item_names.size(); }
};

// Builds baskets from item names, interning names and dropping repeats
// within a basket (a basket is a set, as in arules' transactions).
class BasketBuilder {
 public:
  void add_item(std::string_view name);
  void end_basket();  // empty baskets are kept: they count in the support base
  Baskets finish();

 private:
  Baskets baskets_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

// Baskets from purchase lines in purchase order: consecutive lines with the
// same basket_row are one basket; item ids are kept (names given by the
// caller), repeats within a basket dropped. Items with ids >= item_names.size()
// are ignored.
Baskets baskets_from_lines(const std::vector<std::uint32_t>& basket_row, const std::vector<std::uint32_t>& item,
                           std::vector<std::string> item_names);

// One basket per line, items comma separated (as groceries.csv); empty fields
// (the trailing commas of a padded file) are skipped.
Result<Baskets> read_baskets(std::istream& input);

}  // namespace patron::analytics
