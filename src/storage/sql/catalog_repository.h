#pragma once
// Program configuration (products, stores, tiers, earning rules, rewards) is a
// set of flat resources with the same five verbs, so one table-driven
// repository serves all of them: a resource is its entry in the domain's
// catalog schema (its fields are the columns), not a copied class. Column
// names come only from the schema; every value is bound as a parameter.
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <soci/soci.h>

#include "domain/catalog_schema.h"
#include "domain/earning.h"
#include "domain/rewards.h"
#include "domain/tiers.h"
#include "storage/sql/records.h"

namespace patron::sql {

class CatalogRepository {
 public:
  explicit CatalogRepository(soci::session& session) : session_(session) {}

  void create(const CatalogResource& spec, const CatalogRow& row, std::int64_t now);
  std::optional<CatalogRow> get(const CatalogResource& spec, const std::string& id);
  Page<CatalogRow> list(const CatalogResource& spec, int limit, const std::string& after_id, bool include_archived);
  void update(const CatalogResource& spec, const std::string& id, const CatalogRow& changes);
  void archive(const CatalogResource& spec, const std::string& id);
  bool unique_value_taken(const CatalogResource& spec, const std::string& value, const std::string& except_id);

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
  Page<CatalogRow> select(const CatalogResource& spec, const std::string& where, const std::vector<std::string>& params,
                          int limit);
  soci::session& session_;
};

}  // namespace patron::sql
