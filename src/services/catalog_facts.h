#pragma once
// What a customer may see of the catalog: the names of the stores their
// purchases were made in, and the categories and brands the catalog sells
// (the suggestions of their preferences). Never ids, never prices.
#include <map>
#include <string>
#include <vector>

#include "domain/result.h"
#include "services/session.h"

namespace patron::services {

// Products read for the facets, in pages: a catalog larger than this gives the
// facets of its first products (by id), which is plenty for suggestions.
inline constexpr int max_facet_products = 10'000;
inline constexpr int facet_page_size = 500;
// Distinct values answered per facet (alphabetical).
inline constexpr std::size_t max_facet_values = 200;

struct CatalogFacets {
  std::vector<std::string> categories;
  std::vector<std::string> brands;
};

// Active (not archived) products' distinct categories and brands, sorted, empty values left out.
CatalogFacets catalog_facets(Session session);

// Store id → name for the given ids (archived stores too: old purchases keep their store's name).
std::map<std::string, std::string> store_names(Session session, const std::vector<std::string>& store_ids);

// What a customer's feedback names must exist: the product (by SKU) and the
// store, each when given. A validation error on the field otherwise.
Status check_feedback_subjects(Session session, const std::string& product_sku, const std::string& store_id);

}  // namespace patron::services
