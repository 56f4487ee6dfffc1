// CRUD for the program's configuration, one set of handlers for every resource
// of the domain's catalog schema (products, stores, tiers, earning rules,
// rewards), and the schema itself for the console's forms. Handlers only turn
// JSON into the schema's values and back; services::Catalog checks and stores.
#include "domain/catalog_schema.h"
#include "http/api.h"
#include "http/body_reader.h"
#include "http/route_handlers.h"
#include "http/views.h"
#include "services/catalog.h"
#include "services/program_cache.h"

namespace patron::http {
namespace {

Json item_json(const CatalogResource& resource, const services::CatalogItem& item) {
  const auto& row = item.row;
  Json out{{"id", catalog_text(row, "id")}, {"archived", catalog_number(row, "archived").value_or(0) != 0}};
  for (const auto& field : resource.fields) {
    const auto it = row.find(field.name);
    if (it == row.end() || std::holds_alternative<std::monostate>(it->second)) {
      out[field.name] = nullptr;
    } else if (const auto* text = std::get_if<std::string>(&it->second)) {
      out[field.name] = *text;
    } else if (field.kind == CatalogFieldKind::instant) {
      out[field.name] = format_rfc3339(std::get<long long>(it->second));
    } else {
      out[field.name] = std::get<long long>(it->second);
    }
  }
  if (resource.name == "rewards") out["image_url"] = item.image_url ? Json(*item.image_url) : Json(nullptr);
  return out;
}

// The schema's fields present in the body, as values of their kinds; the
// rules beyond the JSON type are the service's (the domain's) to check.
Result<CatalogRow> read_row(const CatalogResource& resource, const std::string& body_text) {
  auto parsed = parse_object(body_text);
  if (!parsed.ok()) return parsed.error();
  const Json& body = *parsed;
  BodyReader in(body);
  CatalogRow row;
  for (const auto& field : resource.fields) {
    if (!body.contains(field.name)) continue;
    CatalogValue value;
    if (body[field.name].is_null()) {
      value = std::monostate{};
    } else if (field.is_text()) {
      value = in.text(field.name, max_catalog_text);
    } else if (field.kind == CatalogFieldKind::instant) {
      if (auto t = in.optional_time(field.name)) value = static_cast<long long>(*t);
    } else {
      value = static_cast<long long>(in.integer(field.name, -max_catalog_number, max_catalog_number));
    }
    if (!in.ok()) return in.error();
    row[field.name] = std::move(value);
  }
  return row;
}

// fixed_currency: the currency a money field is always in (the program's base
// currency where the resource has no currency field), or empty. A new item's
// currency starts as the base currency.
Json field_json(const CatalogField& field, const std::string& fixed_currency, const std::string& base_currency) {
  Json out{{"name", field.name},         {"kind", std::string(catalog_field_kind_name(field.kind))},
           {"required", field.required}, {"nullable", field.nullable},
           {"label", field.label},       {"hint", field.hint.empty() ? Json(nullptr) : Json(field.hint)}};
  const bool numeric = !field.is_text() && field.kind != CatalogFieldKind::instant;
  out["min"] = numeric ? Json(field.min) : Json(nullptr);
  out["max"] = numeric ? Json(field.max) : Json(nullptr);
  Json choices = Json::array();
  for (const auto& choice : field.choices) choices.push_back({{"value", choice.value}, {"label", choice.label}});
  out["choices"] = choices;
  const bool fixed = field.kind == CatalogFieldKind::money && !fixed_currency.empty();
  out["currency"] = fixed ? Json(fixed_currency) : Json(nullptr);
  out["references"] = field.references.empty() ? Json(nullptr) : Json(field.references);
  if (field.kind == CatalogFieldKind::currency) {
    out["default"] = base_currency;
  } else {
    out["default"] = field.default_number ? Json(*field.default_number) : Json(nullptr);
  }
  out["applies_when"] = field.applies_when_field.empty()
                            ? Json(nullptr)
                            : Json{{"field", field.applies_when_field}, {"values", field.applies_when_values}};
  return out;
}

Json schema_json(const std::string& base_currency) {
  Json resources = Json::array();
  for (const auto& resource : catalog_resources()) {
    Json fields = Json::array();
    const std::string fixed_currency = money_currency_field(resource) == nullptr ? base_currency : "";
    for (const auto& field : resource.fields) fields.push_back(field_json(field, fixed_currency, base_currency));
    resources.push_back({{"name", resource.name},
                         {"unique_field", resource.unique_field.empty() ? Json(nullptr) : Json(resource.unique_field)},
                         {"fields", fields}});
  }
  return {{"resources", resources}};
}

// Purchases read the program from a cache; a committed change replaces it.
std::function<void()> program_changed(Api& api) {
  return [&api, cache = api.settings().program.cache] {
    if (cache) cache->invalidate();
    api.me_cache.clear();  // account views show tier names and multipliers
  };
}

// Answers `status` with the item `save` stored; the program's caches are dropped after the commit.
template <typename Save>
void save_item(Api& api, const ExchangePtr& ex, const CatalogResource& resource, int status, Save save) {
  api.write(
      ex,
      [&resource, status, save = std::move(save)](services::Session session) -> Result<Reply> {
        return json_reply(status, save(services::Catalog(session)),
                          [&](const services::CatalogItem& saved) { return item_json(resource, saved); });
      },
      program_changed(api));
}

void create(Api& api, const ExchangePtr& ex, const CatalogResource& resource) {
  auto row = read_row(resource, ex->body);
  if (!row.ok()) return ex->fail(row.error());
  save_item(api, ex, resource, 201, [&resource, row = std::move(row).value()](services::Catalog catalog) {
    return catalog.create(resource, row, Api::now());
  });
}

void list(Api& api, const ExchangePtr& ex, const CatalogResource& resource) {
  const auto page_asked = page_query<IdCursor>(*ex);
  if (!page_asked.ok()) return ex->fail(page_asked.error());
  const bool include_archived = ex->query_or("include_archived", "false") == "true";
  api.read(ex, [&](services::Session session) {
    auto page =
        services::Catalog(session).list(resource, page_asked->limit, page_asked->cursor.after_id, include_archived);
    if (!page.ok()) return ex->fail(page.error());
    ex->json(200, page_json(*page, [&](const services::CatalogItem& item) { return item_json(resource, item); }));
  });
}

void get_one(Api& api, const ExchangePtr& ex, const CatalogResource& resource) {
  api.read(ex, [&](services::Session session) {
    auto item = services::Catalog(session).get(resource, ex->params.at("id"));
    if (!item.ok()) return ex->fail(item.error());
    ex->json(200, item_json(resource, *item));
  });
}

void update(Api& api, const ExchangePtr& ex, const CatalogResource& resource) {
  auto changes = read_row(resource, ex->body);
  if (!changes.ok()) return ex->fail(changes.error());
  save_item(api, ex, resource, 200,
            [&resource, id = ex->params.at("id"), changes = std::move(changes).value()](services::Catalog catalog) {
              return catalog.update(resource, id, changes);
            });
}

void archive(Api& api, const ExchangePtr& ex, const CatalogResource& resource) {
  api.write(
      ex,
      [&resource, id = ex->params.at("id")](services::Session session) -> Result<Reply> {
        if (auto archived = services::Catalog(session).archive(resource, id); !archived.ok()) return archived.error();
        return Reply{204, "", "application/json", {}};
      },
      program_changed(api));
}

}  // namespace

void register_catalog_routes(Api& api) {
  // The forms' source: the same schema every write below is checked against.
  api.router.add("GET", "/api/v1/admin/catalog/schema", Access::staff,
                 [schema = schema_json(api.settings().program.base_currency)](const ExchangePtr& ex) {
                   ex->json(200, schema);  // fixed for the server's life: the schema and the base currency
                 });
  for (const auto& resource : catalog_resources()) {
    const auto base = "/api/v1/admin/" + resource.name;
    const auto* r = &resource;
    // Staff read the configuration (the POS screen needs stores and products); admins change it.
    api.router.add("GET", base, Access::staff, [&api, r](const ExchangePtr& ex) { list(api, ex, *r); });
    api.router.add("POST", base, Access::admin, [&api, r](const ExchangePtr& ex) { create(api, ex, *r); });
    api.router.add("GET", base + "/{id}", Access::staff, [&api, r](const ExchangePtr& ex) { get_one(api, ex, *r); });
    api.router.add("PATCH", base + "/{id}", Access::admin, [&api, r](const ExchangePtr& ex) { update(api, ex, *r); });
    api.router.add("DELETE", base + "/{id}", Access::admin, [&api, r](const ExchangePtr& ex) { archive(api, ex, *r); });
  }
}

}  // namespace patron::http
