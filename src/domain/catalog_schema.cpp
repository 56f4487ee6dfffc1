#include "domain/catalog_schema.h"

#include <algorithm>

#include "domain/earning.h"
#include "domain/enum_names.h"
#include "domain/limits.h"
#include "domain/money.h"
#include "domain/rewards.h"
#include "domain/text.h"

namespace patron {
namespace {

using Kind = CatalogFieldKind;

constexpr std::int64_t one_times_permille = 1000;  // a multiplier of 1×

constexpr auto kKindNames = enumerator_names(Kind::text);

CatalogField field(std::string name, Kind kind, std::string label, std::string hint = {}) {
  CatalogField out;
  out.name = std::move(name);
  out.kind = kind;
  out.label = std::move(label);
  out.hint = std::move(hint);
  if (kind == Kind::money) out.min = 0;
  return out;
}

CatalogField required(CatalogField field) {
  field.required = true;
  field.nullable = false;
  return field;
}

CatalogField bounded(CatalogField field, std::int64_t min, std::int64_t max) {
  field.min = min;
  field.max = max;
  return field;
}

CatalogField not_negative(CatalogField field) { return bounded(std::move(field), 0, max_catalog_number); }

// A number whose column has a default (a multiplier of 1×, no bonus): left
// out, the default applies; null is refused, as it would mean no number.
CatalogField defaulted(CatalogField field, std::optional<std::int64_t> value = std::nullopt) {
  field.nullable = false;
  field.default_number = value;
  return field;
}

std::vector<CatalogChoice> earning_rule_kinds() {
  return {{"base_rate", "Base rate"},           {"category_multiplier", "Category multiplier"},
          {"sku_multiplier", "SKU multiplier"}, {"category_bonus", "Category bonus"},
          {"sku_bonus", "SKU bonus"},           {"spend_threshold_bonus", "Spend threshold bonus"}};
}

CatalogResource products() {
  return {"products",
          "prd",
          {required(field("sku", Kind::text, "SKU")), required(field("name", Kind::text, "Name")),
           field("category", Kind::text, "Category", "Earning rules and offers match on it."),
           field("brand", Kind::text, "Brand"),
           required(field("price_minor", Kind::money, "Price", "In the currency below, for example 4.99.")),
           required(field("currency", Kind::currency, "Currency", "ISO 4217 code, for example EUR."))},
          "sku"};
}

CatalogResource stores() {
  return {"stores",
          "sto",
          {required(field("code", Kind::text, "Code")), required(field("name", Kind::text, "Name"))},
          "code"};
}

CatalogResource tiers() {
  return {"tiers",
          "tie",
          {required(field("code", Kind::text, "Code")), required(field("name", Kind::text, "Name")),
           required(field("threshold_minor", Kind::money, "Qualifying spend",
                          "Spend over the last 12 months that reaches this tier, for example 500.")),
           defaulted(bounded(field("multiplier_permille", Kind::permille, "Points multiplier", "For example 1.25."), 0,
                             max_multiplier_permille),
                     one_times_permille)},
          "code"};
}

// The field applies only to earning rules of these kinds.
CatalogField for_kinds(CatalogField field, std::vector<std::string> kinds) {
  field.applies_when_field = "kind";
  field.applies_when_values = std::move(kinds);
  return field;
}

CatalogResource earning_rules() {
  CatalogField kind = required(field("kind", Kind::choice, "Kind"));
  kind.choices = earning_rule_kinds();
  CatalogField stores_referenced = field("store_ids", Kind::references, "Stores", "None ticked: every store.");
  stores_referenced.references = "stores";
  return {"earning-rules",
          "rul",
          {required(field("name", Kind::text, "Name")), kind,
           for_kinds(defaulted(bounded(field("rate_milli", Kind::permille, "Points per currency unit",
                                             "For example 1 for a point per dollar or euro spent."),
                                       0, max_rate_milli)),
                     {"base_rate"}),
           for_kinds(defaulted(bounded(
                         field("multiplier_permille", Kind::permille, "Multiplier", "For example 2 for double points."),
                         0, max_multiplier_permille)),
                     {"category_multiplier", "sku_multiplier"}),
           for_kinds(defaulted(bounded(field("bonus_points", Kind::integer, "Bonus points"), 0,
                                       ceiling_points_per_transaction)),
                     {"category_bonus", "sku_bonus", "spend_threshold_bonus"}),
           for_kinds(field("target", Kind::text, "Category or SKU", "The category or product code the rule is for."),
                     {"category_multiplier", "sku_multiplier", "category_bonus", "sku_bonus"}),
           for_kinds(defaulted(field("threshold_minor", Kind::money, "Spend threshold",
                                     "The purchase total that earns the bonus, for example 75.")),
                     {"spend_threshold_bonus"}),
           field("starts_at", Kind::instant, "Starts"), field("ends_at", Kind::instant, "Ends"), stores_referenced},
          ""};
}

CatalogResource rewards() {
  const CatalogField valid_days =
      defaulted(bounded(field("voucher_valid_days", Kind::integer, "Voucher valid for (days)",
                              "How long a redeemed voucher can be used: 1 to 3650 days."),
                        min_voucher_valid_days, max_voucher_valid_days),
                default_voucher_valid_days);
  return {"rewards",
          "rwd",
          {required(field("name", Kind::text, "Name")),
           field("description", Kind::long_text, "Description", "What the customer gets, shown on the reward card."),
           field("terms", Kind::long_text, "Terms", "The fine print: limits, where it can be used, validity."),
           required(bounded(field("points_cost", Kind::integer, "Points cost"), 1, max_catalog_number)),
           not_negative(field("stock", Kind::integer, "Stock", "Leave empty for unlimited.")),
           not_negative(field("per_customer_limit", Kind::integer, "Limit per customer", "Leave empty for no limit.")),
           field("active_from", Kind::instant, "Active from"), field("active_to", Kind::instant, "Active until"),
           valid_days},
          ""};
}

// Words for a number outside [min, max]: both bounds when both are the
// field's own, else the side it crossed.
std::string range_problem(const CatalogField& field, long long value) {
  const bool own_bounds = field.min != -max_catalog_number && field.max != max_catalog_number;
  if (own_bounds) return "must be from " + std::to_string(field.min) + " to " + std::to_string(field.max);
  if (value > field.max) return "must be at most " + std::to_string(field.max);
  return field.min == 0 ? "must not be negative" : "must be at least " + std::to_string(field.min);
}

std::string choices_problem(const CatalogField& field) {
  std::string names;
  for (const auto& choice : field.choices) names += (names.empty() ? "" : ", ") + choice.value;
  return "must be one of " + names;
}

}  // namespace

bool CatalogField::is_text() const {
  return kind == Kind::text || kind == Kind::long_text || kind == Kind::currency || kind == Kind::choice ||
         kind == Kind::references;
}

const std::vector<CatalogResource>& catalog_resources() {
  static const std::vector<CatalogResource> resources = {products(), stores(), tiers(), earning_rules(), rewards()};
  return resources;
}

const CatalogResource* find_catalog_resource(std::string_view name) {
  const auto& all = catalog_resources();
  const auto it = std::find_if(all.begin(), all.end(), [&](const CatalogResource& r) { return r.name == name; });
  return it == all.end() ? nullptr : &*it;
}

std::optional<std::string> catalog_value_problem(const CatalogField& field, const CatalogValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    if (text->size() > max_catalog_text) return "must be at most " + std::to_string(max_catalog_text) + " characters";
    if (field.required && text->find_first_not_of(" \t") == std::string::npos) return "must not be blank";
    if (field.kind == Kind::currency && !is_valid_currency_code(*text)) return "must be an ISO 4217 code";
    if (field.kind == Kind::choice && std::none_of(field.choices.begin(), field.choices.end(),
                                                   [&](const CatalogChoice& c) { return c.value == *text; })) {
      return choices_problem(field);
    }
    if (field.kind == Kind::references && referenced_ids(*text).size() > max_referenced_items) {
      return "must name at most " + std::to_string(max_referenced_items) + " items";
    }
  } else if (const auto* number = std::get_if<long long>(&value)) {
    if (field.kind != Kind::instant && (*number < field.min || *number > field.max))
      return range_problem(field, *number);
  }
  return std::nullopt;
}

Status check_catalog_row(const CatalogResource& resource, const CatalogRow& row, bool creating) {
  for (const auto& field : resource.fields) {
    const auto it = row.find(field.name);
    if (it == row.end()) {
      if (creating && field.required) return Error::validation(field.name, "is required");
      continue;
    }
    if (std::holds_alternative<std::monostate>(it->second)) {
      if (!field.nullable) return Error::validation(field.name, field.required ? "is required" : "must not be null");
      continue;
    }
    if (std::holds_alternative<std::string>(it->second) != field.is_text()) {
      return Error::validation(field.name, field.is_text() ? "must be a string" : "must be a number");
    }
    if (auto problem = catalog_value_problem(field, it->second)) return Error::validation(field.name, *problem);
  }
  return ok_status();
}

std::vector<std::string> referenced_ids(std::string_view text) {
  std::vector<std::string> ids;
  for (const auto& part : split_nonempty(text, ',')) {
    const auto first = part.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    ids.push_back(part.substr(first, part.find_last_not_of(' ') - first + 1));
  }
  return ids;
}

CatalogRow stored_row(const CatalogResource& resource, CatalogRow row) {
  for (const auto& field : resource.fields) {
    const auto it = row.find(field.name);
    if (it == row.end() || !field.is_text()) continue;
    if (std::holds_alternative<std::monostate>(it->second)) it->second = "";
    if (field.kind != Kind::references) continue;
    std::string joined;
    for (const auto& id : referenced_ids(std::get<std::string>(it->second))) joined += (joined.empty() ? "" : ",") + id;
    it->second = joined;
  }
  return row;
}

std::string catalog_text(const CatalogRow& row, const std::string& name) {
  const auto it = row.find(name);
  if (it == row.end()) return {};
  if (const auto* text = std::get_if<std::string>(&it->second)) return *text;
  return {};
}

std::optional<long long> catalog_number(const CatalogRow& row, const std::string& name) {
  const auto it = row.find(name);
  if (it == row.end()) return std::nullopt;
  if (const auto* number = std::get_if<long long>(&it->second)) return *number;
  return std::nullopt;
}

std::string_view catalog_field_kind_name(CatalogFieldKind kind) { return kKindNames.name(kind); }

const CatalogField* money_currency_field(const CatalogResource& resource) {
  const auto found = std::find_if(resource.fields.begin(), resource.fields.end(),
                                  [](const CatalogField& f) { return f.kind == Kind::currency; });
  return found == resource.fields.end() ? nullptr : &*found;
}

}  // namespace patron
