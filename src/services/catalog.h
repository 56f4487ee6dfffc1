#pragma once
// The program's configuration as use cases: create, read, list, change and
// archive the items of a catalog resource (products, stores, tiers, earning
// rules, rewards). Every write is checked against the domain's catalog schema
// here, whoever calls; unique fields (a product's SKU, a store's code) are
// checked in the same transaction as the write.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalog_schema.h"
#include "domain/result.h"
#include "services/session.h"

namespace patron::services {

inline constexpr int max_catalog_page = 200;  // items in one page of a list

struct CatalogItem {
  CatalogRow row;                        // the schema's fields, "id" and "archived"
  std::optional<std::string> image_url;  // rewards only: their image, when one is uploaded
};

struct CatalogPage {
  std::vector<CatalogItem> items;
  std::optional<std::string> next_cursor;
};

class Catalog {
 public:
  explicit Catalog(Session session) : session_(session) {}

  Result<CatalogItem> create(const CatalogResource& resource, CatalogRow fields, std::int64_t now);
  Result<CatalogItem> get(const CatalogResource& resource, const std::string& id);
  Result<CatalogPage> list(const CatalogResource& resource, int limit, const std::string& cursor,
                           bool include_archived);
  Result<CatalogItem> update(const CatalogResource& resource, const std::string& id, const CatalogRow& changes);
  // History refers to catalog items, so they are archived, never deleted.
  Status archive(const CatalogResource& resource, const std::string& id);

 private:
  Status check_unique(const CatalogResource& resource, const CatalogRow& row, const std::string& except_id);
  Status check_references(const CatalogResource& resource, const CatalogRow& row);
  CatalogItem with_image(const CatalogResource& resource, CatalogRow row);
  Session session_;
};

}  // namespace patron::services
