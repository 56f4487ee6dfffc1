#include "services/catalog_facts.h"

#include <set>
#include <variant>


namespace patron::services {
namespace {

void add_bounded(std::set<std::string>& values, std::string value) {
  if (!value.empty() && values.size() < max_facet_values) values.insert(std::move(value));
}

}  // namespace

CatalogFacets catalog_facets(Session session) {
  auto& catalog = session.stores().catalog();
  const auto* products = find_catalog_resource("products");
  std::set<std::string> categories;
  std::set<std::string> brands;
  std::string after;
  for (int read = 0; products != nullptr && read < max_facet_products; read += facet_page_size) {
    auto page = catalog.list(*products, facet_page_size, after, false);
    for (const auto& row : page.items) {
      add_bounded(categories, catalog_text(row, "category"));
      add_bounded(brands, catalog_text(row, "brand"));
    }
    if (!page.next_cursor || page.items.empty()) break;
    after = catalog_text(page.items.back(), "id");
  }
  return {{categories.begin(), categories.end()}, {brands.begin(), brands.end()}};
}

std::map<std::string, std::string> store_names(Session session, const std::vector<std::string>& store_ids) {
  auto& catalog = session.stores().catalog();
  const auto* stores = find_catalog_resource("stores");
  std::map<std::string, std::string> names;
  if (stores == nullptr) return names;
  for (const auto& id : store_ids) {
    if (id.empty() || names.contains(id)) continue;
    if (auto row = catalog.get(*stores, id)) names[id] = catalog_text(*row, "name");
  }
  return names;
}

Status check_feedback_subjects(Session session, const std::string& product_sku, const std::string& store_id) {
  auto& catalog = session.stores().catalog();
  if (!product_sku.empty() && !catalog.product_by_sku(product_sku)) {
    return Error::validation("product_sku", "is not a product in the catalog");
  }
  if (!store_id.empty() && !catalog.store_exists(store_id))
    return Error::validation("store_id", "is not a known store");
  return Unit{};
}

}  // namespace patron::services
