// CRUD for the program's configuration, driven by the resource specs of the
// catalog repository: one set of handlers for products, stores, tiers,
// earning rules and rewards.
#include "domain/earning.h"
#include "domain/limits.h"
#include "domain/money.h"
#include "http/api.h"
#include "services/program_cache.h"
#include "services/reward_images.h"
#include "http/body_reader.h"
#include "services/secrets.h"
#include "storage/sql/catalog_repository.h"

namespace patron::http {
namespace {

using sql::FieldType;
using sql::FieldValue;
using sql::ResourceRow;
using sql::ResourceSpec;

constexpr std::int64_t max_catalog_number = 1'000'000'000'000;
constexpr std::size_t max_catalog_text = 2000;
const std::vector<std::string> time_fields = {"starts_at", "ends_at", "active_from", "active_to"};

bool is_time_field(const std::string& name) {
  return std::find(time_fields.begin(), time_fields.end(), name) != time_fields.end();
}

Json row_json(const ResourceSpec& spec, const ResourceRow& row) {
  Json out{{"id", std::get<std::string>(row.at("id"))}, {"archived", std::get<long long>(row.at("archived")) != 0}};
  for (const auto& field : spec.fields) {
    const auto& value = row.at(field.name);
    if (std::holds_alternative<std::monostate>(value)) {
      out[field.name] = nullptr;
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      out[field.name] = *text;
    } else if (is_time_field(field.name)) {
      out[field.name] = format_rfc3339(std::get<long long>(value));
    } else if (field.type == FieldType::flag) {
      out[field.name] = std::get<long long>(value) != 0;
    } else {
      out[field.name] = std::get<long long>(value);
    }
  }
  return out;
}

// A reward's JSON names its image's URL (null without one).
Json with_image(const ResourceSpec& spec, soci::session& session, Json row) {
  if (spec.name != "rewards") return row;
  const auto urls = services::RewardImages(session).urls();
  const auto it = urls.find(row.at("id").get<std::string>());
  row["image_url"] = it == urls.end() ? Json(nullptr) : Json(it->second);
  return row;
}

// Rules a field's value must meet beyond its type.
std::optional<std::string> field_problem(const std::string& name, const FieldValue& value) {
  const auto* text = std::get_if<std::string>(&value);
  const auto* number = std::get_if<long long>(&value);
  if (name == "currency" && text && !is_valid_currency_code(*text)) return "must be an ISO 4217 code";
  if (name == "kind" && text && !parse_earning_rule_kind(*text)) {
    return "must be one of base_rate, category_multiplier, sku_multiplier, category_bonus, sku_bonus, "
           "spend_threshold_bonus";
  }
  if ((name == "sku" || name == "code" || name == "name") && text && text->find_first_not_of(" \t") == std::string::npos) {
    return "must not be blank";
  }
  if (name == "points_cost" && number && *number <= 0) return "must be positive";
  if (name == "voucher_valid_days" &&
      (!number || *number < min_voucher_valid_days || *number > max_voucher_valid_days)) {
    return "must be a whole number of days from " + std::to_string(min_voucher_valid_days) + " to " +
           std::to_string(max_voucher_valid_days);
  }
  if (name == "multiplier_permille" && number && (*number < 0 || *number > max_multiplier_permille)) {
    return "must be from 0 to " + std::to_string(max_multiplier_permille);
  }
  if (name == "rate_milli" && number && *number > max_rate_milli) {
    return "must be at most " + std::to_string(max_rate_milli);
  }
  if (name == "bonus_points" && number && *number > ceiling_points_per_transaction) {
    return "must be at most " + std::to_string(ceiling_points_per_transaction);
  }
  if ((name == "stock" || name == "per_customer_limit" || name == "price_minor" || name == "threshold_minor" ||
       name == "bonus_points" || name == "rate_milli") && number && *number < 0) {
    return "must not be negative";
  }
  return std::nullopt;
}

// Reads the spec's fields present in the body; on create, required ones must be there.
Result<ResourceRow> read_row(const ResourceSpec& spec, const Json& body, bool creating) {
  BodyReader in(body);
  ResourceRow row;
  for (const auto& field : spec.fields) {
    const bool present = body.contains(field.name);
    if (!present) {
      if (creating && field.required) in.fail(field.name, "is required");
      continue;
    }
    FieldValue value;
    if (body[field.name].is_null()) {
      if (field.required) in.fail(field.name, "is required");
    } else if (field.type == FieldType::text) {
      value = in.text(field.name, max_catalog_text);
    } else if (is_time_field(field.name)) {
      if (auto t = in.optional_time(field.name)) value = static_cast<long long>(*t);
    } else {
      value = static_cast<long long>(in.integer(field.name, -max_catalog_number, max_catalog_number));
    }
    if (!in.ok()) return in.error();
    if (auto problem = field_problem(field.name, value)) in.fail(field.name, *problem);
    row[field.name] = value;
  }
  if (!in.ok()) return in.error();
  return row;
}

std::optional<std::string> unique_value(const ResourceSpec& spec, const ResourceRow& row) {
  if (spec.unique_field.empty()) return std::nullopt;
  auto it = row.find(spec.unique_field);
  if (it == row.end()) return std::nullopt;
  if (const auto* text = std::get_if<std::string>(&it->second)) return *text;
  return std::nullopt;
}

Error taken(const ResourceSpec& spec) {
  return {ErrorCode::conflict, spec.unique_field + " is already in use", spec.unique_field};
}

// Purchases read the program from a cache; a committed change replaces it.
std::function<void()> program_changed(Api& api) {
  return [&api, cache = api.settings().program.cache] {
    if (cache) cache->invalidate();
    api.me_cache.clear();  // account views show tier names and multipliers
  };
}

void create(Api& api, const ExchangePtr& ex, const ResourceSpec& spec) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  auto row = read_row(spec, *body, true);
  if (!row.ok()) return ex->fail(row.error());
  api.write(ex, [&spec, row = std::move(row).value()](soci::session& session) mutable -> Result<Reply> {
    sql::CatalogRepository catalog(session);
    if (auto value = unique_value(spec, row); value && catalog.unique_value_taken(spec, *value, "")) return taken(spec);
    row["id"] = services::new_id(spec.id_prefix);
    catalog.create(spec, row, Api::now());
    return json_reply(201, with_image(spec, session, row_json(spec, *catalog.get(spec, std::get<std::string>(row["id"])))));
  }, program_changed(api));
}

void list(Api& api, const ExchangePtr& ex, const ResourceSpec& spec) {
  Error error;
  const int limit = page_limit(*ex, &error);
  if (limit == 0) return ex->fail(error);
  const bool include_archived = ex->query_or("include_archived", "false") == "true";
  api.read(ex, [&](soci::session& session) {
    auto page = sql::CatalogRepository(session).list(spec, limit, ex->query_or("cursor", ""), include_archived);
    Json items = Json::array();
    const auto images = spec.name == "rewards" ? services::RewardImages(session).urls()
                                               : std::map<std::string, std::string>{};
    for (const auto& row : page.items) {
      auto item = row_json(spec, row);
      if (spec.name == "rewards") {
        const auto it = images.find(item.at("id").get<std::string>());
        item["image_url"] = it == images.end() ? Json(nullptr) : Json(it->second);
      }
      items.push_back(std::move(item));
    }
    ex->json(200, {{"items", items}, {"next_cursor", page.next_cursor ? Json(*page.next_cursor) : Json(nullptr)}});
  });
}

void get_one(Api& api, const ExchangePtr& ex, const ResourceSpec& spec) {
  api.read(ex, [&](soci::session& session) {
    auto row = sql::CatalogRepository(session).get(spec, ex->params.at("id"));
    if (!row) return ex->fail(Error::not_found(spec.name + " item not found"));
    ex->json(200, with_image(spec, session, row_json(spec, *row)));
  });
}

void update(Api& api, const ExchangePtr& ex, const ResourceSpec& spec) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  auto changes = read_row(spec, *body, false);
  if (!changes.ok()) return ex->fail(changes.error());
  api.write(ex, [&spec, id = ex->params.at("id"), changes = std::move(changes).value()](
                    soci::session& session) -> Result<Reply> {
    sql::CatalogRepository catalog(session);
    if (!catalog.get(spec, id)) return Error::not_found(spec.name + " item not found");
    if (auto value = unique_value(spec, changes); value && catalog.unique_value_taken(spec, *value, id)) {
      return taken(spec);
    }
    catalog.update(spec, id, changes);
    return json_reply(200, with_image(spec, session, row_json(spec, *catalog.get(spec, id))));
  }, program_changed(api));
}

// History refers to catalog items, so deleting archives them.
void archive(Api& api, const ExchangePtr& ex, const ResourceSpec& spec) {
  api.write(ex, [&spec, id = ex->params.at("id")](soci::session& session) -> Result<Reply> {
    sql::CatalogRepository catalog(session);
    if (!catalog.get(spec, id)) return Error::not_found(spec.name + " item not found");
    catalog.archive(spec, id);
    return Reply{204, "", "application/json", {}};
  }, program_changed(api));
}

}  // namespace

void register_catalog_routes(Api& api) {
  for (const auto& spec : sql::catalog_resources()) {
    const auto base = "/api/v1/admin/" + spec.name;
    const auto* s = &spec;
    // Staff read the configuration (the POS screen needs stores and products); admins change it.
    api.router.add("GET", base, Access::staff, [&api, s](const ExchangePtr& ex) { list(api, ex, *s); });
    api.router.add("POST", base, Access::admin, [&api, s](const ExchangePtr& ex) { create(api, ex, *s); });
    api.router.add("GET", base + "/{id}", Access::staff, [&api, s](const ExchangePtr& ex) { get_one(api, ex, *s); });
    api.router.add("PATCH", base + "/{id}", Access::admin, [&api, s](const ExchangePtr& ex) { update(api, ex, *s); });
    api.router.add("DELETE", base + "/{id}", Access::admin, [&api, s](const ExchangePtr& ex) { archive(api, ex, *s); });
  }
}

}  // namespace patron::http
