#pragma once
// Program configuration (products, stores, tiers, earning rules, rewards) is a
// set of flat resources with the same five verbs, so one table-driven
// repository serves all of them: a resource is its entry in the domain's
// catalog schema (its fields are the columns), not a copied class. Column
// names come only from the schema; every value is bound as a parameter.
// Beside the resources: one image per reward (issue 16), its bytes as base64
// text with its type and SHA-256.
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/catalog_schema.h"
#include "domain/earning.h"
#include "domain/rewards.h"
#include "domain/tiers.h"
#include "storage/sql/records.h"

namespace patron::sql {

struct RewardImageRecord {
  std::string reward_id;
  std::string content_type;
  std::string sha256;  // hex of the decoded bytes
  std::int64_t byte_count = 0;
  std::string data_base64;
  std::int64_t updated_at = 0;
};

class CatalogStore {
 public:
  virtual ~CatalogStore() = default;

  virtual void create(const CatalogResource& spec, const CatalogRow& row, std::int64_t now) = 0;
  virtual std::optional<CatalogRow> get(const CatalogResource& spec, const std::string& id) = 0;
  virtual Page<CatalogRow> list(const CatalogResource& spec, int limit, const std::string& after_id,
                                bool include_archived) = 0;
  virtual void update(const CatalogResource& spec, const std::string& id, const CatalogRow& changes) = 0;
  virtual void archive(const CatalogResource& spec, const std::string& id) = 0;
  virtual bool unique_value_taken(const CatalogResource& spec, const std::string& value,
                                  const std::string& except_id) = 0;

  virtual std::vector<Tier> active_tiers() = 0;
  virtual std::vector<EarningRule> active_earning_rules() = 0;
  virtual std::optional<Reward> reward(const std::string& id) = 0;
  virtual std::vector<Reward> active_rewards() = 0;
  // Takes one unit of a stocked reward; false when none is left. The check and
  // the decrement are one UPDATE, so two processes cannot both take the last one.
  virtual bool decrement_stock(const std::string& reward_id) = 0;
  virtual std::optional<ProductRecord> product_by_sku(const std::string& sku) = 0;
  virtual bool store_exists(const std::string& store_id) = 0;
  virtual std::optional<std::string> store_id_by_code(const std::string& code) = 0;

  virtual void put_reward_image(const RewardImageRecord& image) = 0;  // replaces the reward's image
  virtual std::optional<RewardImageRecord> reward_image(const std::string& reward_id) = 0;
  virtual bool remove_reward_image(const std::string& reward_id) = 0;
  // reward id -> sha256 of every stored image, at most `limit`.
  virtual std::map<std::string, std::string> reward_image_hashes(int limit) = 0;
};

}  // namespace patron::sql
