#pragma once
// The program's configuration (products, stores, tiers, earning rules,
// rewards) as one schema: each resource's fields with their kind, bounds,
// choices and the words the console shows for them. It drives the checks on
// every write, the SQL columns the repository reads and writes, and the
// console's forms, which read it from GET /api/v1/admin/catalog/schema.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/result.h"

namespace patron {

inline constexpr std::int64_t max_catalog_number = 1'000'000'000'000;  // any catalog integer, in its unit
inline constexpr std::size_t max_catalog_text = 2000;                  // characters of any catalog text
inline constexpr std::size_t max_referenced_items = 100;               // ids in one `references` field

enum class CatalogFieldKind {
  text,        // one line
  long_text,   // paragraphs (descriptions, terms)
  currency,    // an ISO 4217 code
  choice,      // one of `choices`
  integer,     // a whole number in [min, max]
  money,       // minor units of the item's `currency`, or of the program's base currency (money_currency_field)
  permille,    // a multiplier ×1000 (1250 = 1.25×)
  instant,     // a point in time (seconds since the epoch; RFC 3339 on the wire)
  references,  // ids of items of the `references` resource, comma separated (an earning rule's stores)
};

struct CatalogChoice {
  std::string value;
  std::string label;
};

struct CatalogField {
  std::string name;  // the JSON key and the SQL column
  CatalogFieldKind kind = CatalogFieldKind::text;
  bool required = false;  // on create; a required field is never null
  bool nullable = true;   // an explicit null clears an optional field
  std::int64_t min = -max_catalog_number;
  std::int64_t max = max_catalog_number;
  std::vector<CatalogChoice> choices;
  std::string references;  // the resource a `references` field's ids are of
  // What a new item has when the field is left out (the column's default), in
  // the field's unit; none where there is no default worth offering.
  std::optional<std::int64_t> default_number;
  // Where the field means something only for some values of another field (an
  // earning rule's rate only for a base rate): that field's name and values;
  // empty for a field that always applies. The form shows it only then.
  std::string applies_when_field;
  std::vector<std::string> applies_when_values;
  std::string label;
  std::string hint;

  bool is_text() const;  // stored as text (else as an integer)
};

struct CatalogResource {
  std::string name;  // as in the URL: products, earning-rules, …
  std::string id_prefix;
  std::vector<CatalogField> fields;
  std::string unique_field;  // a field no two items share (sku, code), or empty
};

using CatalogValue = std::variant<std::monostate, long long, std::string>;
using CatalogRow = std::map<std::string, CatalogValue>;  // an item: its fields, "id" and "archived"

const std::vector<CatalogResource>& catalog_resources();
const CatalogResource* find_catalog_resource(std::string_view name);

// Why a present value breaks the field's rules beyond its JSON type ("must be
// from 1 to 3650"), or nullopt; null is judged by `required` and `nullable`.
std::optional<std::string> catalog_value_problem(const CatalogField& field, const CatalogValue& value);

// Every rule of the schema over an item's fields (unknown keys are not read):
// on create the required ones must be there; a present value must be allowed
// (null only where nullable) and meet its field's rules. The first problem
// names its field.
Status check_catalog_row(const CatalogResource& resource, const CatalogRow& row, bool creating);

// The ids a `references` value names, in order, spaces and empty parts left out.
std::vector<std::string> referenced_ids(std::string_view text);

// The row as it is stored: a text field cleared with null holds empty text
// (text is never NULL in the catalog's tables; a number's null means none),
// and a `references` field holds its ids as "a,b" whatever spaces it came with.
CatalogRow stored_row(const CatalogResource& resource, CatalogRow row);

// An item's text or number field, or nothing (absent, null or the other type).
std::string catalog_text(const CatalogRow& row, const std::string& name);
std::optional<long long> catalog_number(const CatalogRow& row, const std::string& name);

std::string_view catalog_field_kind_name(CatalogFieldKind kind);

// The field a resource's money is priced in ("currency" for products), or
// nullptr: tiers and earning rules have none, so their money (a qualifying
// spend, a spend threshold) is in the program's base currency, which is what
// purchases are converted to before they are compared with it.
const CatalogField* money_currency_field(const CatalogResource& resource);

}  // namespace patron
