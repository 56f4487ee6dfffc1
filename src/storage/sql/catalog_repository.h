#pragma once
// The SOCI adapter of the CatalogStore port (storage/sql/catalog_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "storage/sql/catalog_store.h"

namespace patron::sql {

class CatalogRepository final : public CatalogStore {
 public:
  explicit CatalogRepository(soci::session& session) : session_(session) {}

  void create(const CatalogResource& spec, const CatalogRow& row, std::int64_t now) override;
  std::optional<CatalogRow> get(const CatalogResource& spec, const std::string& id) override;
  Page<CatalogRow> list(const CatalogResource& spec, int limit, const std::string& after_id,
                        bool include_archived) override;
  void update(const CatalogResource& spec, const std::string& id, const CatalogRow& changes) override;
  void archive(const CatalogResource& spec, const std::string& id) override;
  bool unique_value_taken(const CatalogResource& spec, const std::string& value, const std::string& except_id) override;

  std::vector<Tier> active_tiers() override;
  std::vector<EarningRule> active_earning_rules() override;
  std::optional<Reward> reward(const std::string& id) override;
  std::vector<Reward> active_rewards() override;
  // Takes one unit of a stocked reward; false when none is left. The check and
  // the decrement are one UPDATE, so two processes cannot both take the last one.
  bool decrement_stock(const std::string& reward_id) override;
  std::optional<ProductRecord> product_by_sku(const std::string& sku) override;
  bool store_exists(const std::string& store_id) override;
  std::optional<std::string> store_id_by_code(const std::string& code) override;

  // catalog_repository_reward_images.cpp
  void put_reward_image(const RewardImageRecord& image) override;
  std::optional<RewardImageRecord> reward_image(const std::string& reward_id) override;
  bool remove_reward_image(const std::string& reward_id) override;
  std::map<std::string, std::string> reward_image_hashes(int limit) override;

 private:
  Page<CatalogRow> select(const CatalogResource& spec, const std::string& where, const std::vector<std::string>& params,
                          int limit);
  soci::session& session_;
};

}  // namespace patron::sql
