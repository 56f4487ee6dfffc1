#pragma once
// Program configuration (products, stores, tiers, earning rules, rewards) is a
// set of flat resources with the same five verbs, so one table-driven
// repository serves all of them: a resource is a ResourceSpec (its table and
// typed fields), not a copied class. Column names come only from the specs;
// every value is bound as a parameter.
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <soci/soci.h>

#include "domain/earning.h"
#include "domain/rewards.h"
#include "domain/tiers.h"
#include "storage/sql/records.h"

namespace patron::sql {

enum class FieldType { text, integer, optional_integer, flag };

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::text;
  bool required = false;
};

struct ResourceSpec {
  std::string name;  // as in the URL: products, earning-rules, …
  std::string table;
  std::string id_prefix;
  std::vector<FieldSpec> fields;
  std::string unique_field;  // a field that must be unique (sku, code), or empty
};

using FieldValue = std::variant<std::monostate, long long, std::string>;
using ResourceRow = std::map<std::string, FieldValue>;  // includes "id" and "archived"

const std::vector<ResourceSpec>& catalog_resources();
const ResourceSpec* find_resource(const std::string& name);

class CatalogRepository {
 public:
  explicit CatalogRepository(soci::session& session) : session_(session) {}

  void create(const ResourceSpec& spec, const ResourceRow& row, std::int64_t now);
  std::optional<ResourceRow> get(const ResourceSpec& spec, const std::string& id);
  Page<ResourceRow> list(const ResourceSpec& spec, int limit, const std::string& after_id, bool include_archived);
  void update(const ResourceSpec& spec, const std::string& id, const ResourceRow& changes);
  void archive(const ResourceSpec& spec, const std::string& id);
  bool unique_value_taken(const ResourceSpec& spec, const std::string& value, const std::string& except_id);

  std::vector<Tier> active_tiers();
  std::vector<EarningRule> active_earning_rules();
  std::optional<Reward> reward(const std::string& id);
  std::vector<Reward> active_rewards();
  // Takes one unit of a stocked reward; false when none is left. The check and
  // the decrement are one UPDATE, so two processes cannot both take the last one.
  bool decrement_stock(const std::string& reward_id);
  std::optional<ProductRecord> product_by_sku(const std::string& sku);
  bool store_exists(const std::string& store_id);
  std::optional<std::string> store_id_by_code(const std::string& code);

 private:
  Page<ResourceRow> select(const ResourceSpec& spec, const std::string& where, const std::vector<std::string>& params,
                           int limit);
  soci::session& session_;
};

}  // namespace patron::sql
