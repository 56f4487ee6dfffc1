#include "services/catalog.h"

#include "services/reward_images.h"
#include "services/secrets.h"

namespace patron::services {
namespace {

Error not_found(const CatalogResource& resource) { return Error::not_found(resource.name + " item not found"); }

bool has_images(const CatalogResource& resource) { return resource.name == "rewards"; }

}  // namespace

Status Catalog::check_unique(const CatalogResource& resource, const CatalogRow& row, const std::string& except_id) {
  if (resource.unique_field.empty()) return ok_status();
  const auto value = catalog_text(row, resource.unique_field);
  if (!row.contains(resource.unique_field) || value.empty()) return ok_status();
  if (session_.stores().catalog().unique_value_taken(resource, value, except_id)) {
    return Error{ErrorCode::conflict, resource.unique_field + " is already in use", resource.unique_field};
  }
  return ok_status();
}

// Every id a `references` field names must be an item of its resource, so a
// rule restricted to stores names stores that exist (archived ones included:
// history keeps them).
Status Catalog::check_references(const CatalogResource& resource, const CatalogRow& row) {
  for (const auto& field : resource.fields) {
    if (field.kind != CatalogFieldKind::references || !row.contains(field.name)) continue;
    const CatalogResource* referenced = find_catalog_resource(field.references);
    for (const auto& id : referenced_ids(catalog_text(row, field.name))) {
      if (referenced == nullptr || !session_.stores().catalog().get(*referenced, id)) {
        return Error::validation(field.name, "no " + field.references + " item has the id " + id);
      }
    }
  }
  return ok_status();
}

CatalogItem Catalog::with_image(const CatalogResource& resource, CatalogRow row) {
  CatalogItem item{std::move(row), std::nullopt};
  if (!has_images(resource)) return item;
  const auto urls = RewardImages(session_).urls();
  if (const auto it = urls.find(catalog_text(item.row, "id")); it != urls.end()) item.image_url = it->second;
  return item;
}

Result<CatalogItem> Catalog::create(const CatalogResource& resource, CatalogRow fields, std::int64_t now) {
  if (auto checked = check_catalog_row(resource, fields, true); !checked.ok()) return checked.error();
  if (auto unique = check_unique(resource, fields, ""); !unique.ok()) return unique.error();
  if (auto references = check_references(resource, fields); !references.ok()) return references.error();
  const std::string id = new_id(resource.id_prefix);
  fields["id"] = id;
  auto& catalog = session_.stores().catalog();
  catalog.create(resource, stored_row(resource, std::move(fields)), now);
  return get(resource, id);
}

Result<CatalogItem> Catalog::get(const CatalogResource& resource, const std::string& id) {
  auto row = session_.stores().catalog().get(resource, id);
  if (!row) return not_found(resource);
  return with_image(resource, std::move(*row));
}

Result<CatalogPage> Catalog::list(const CatalogResource& resource, int limit, const std::string& cursor,
                                  bool include_archived) {
  if (limit < 1 || limit > max_catalog_page) {
    return Error::validation("limit", "must be from 1 to " + std::to_string(max_catalog_page));
  }
  auto page = session_.stores().catalog().list(resource, limit, cursor, include_archived);
  const auto urls = has_images(resource) ? RewardImages(session_).urls() : std::map<std::string, std::string>{};
  CatalogPage out;
  out.next_cursor = page.next_cursor;
  out.items.reserve(page.items.size());
  for (auto& row : page.items) {
    CatalogItem item{std::move(row), std::nullopt};
    if (const auto it = urls.find(catalog_text(item.row, "id")); it != urls.end()) item.image_url = it->second;
    out.items.push_back(std::move(item));
  }
  return out;
}

Result<CatalogItem> Catalog::update(const CatalogResource& resource, const std::string& id, const CatalogRow& changes) {
  if (auto checked = check_catalog_row(resource, changes, false); !checked.ok()) return checked.error();
  auto& catalog = session_.stores().catalog();
  if (!catalog.get(resource, id)) return not_found(resource);
  if (auto unique = check_unique(resource, changes, id); !unique.ok()) return unique.error();
  if (auto references = check_references(resource, changes); !references.ok()) return references.error();
  catalog.update(resource, id, stored_row(resource, changes));
  return get(resource, id);
}

Status Catalog::archive(const CatalogResource& resource, const std::string& id) {
  auto& catalog = session_.stores().catalog();
  if (!catalog.get(resource, id)) return not_found(resource);
  catalog.archive(resource, id);
  return ok_status();
}

}  // namespace patron::services
