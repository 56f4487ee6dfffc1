#include "storage/sql/catalog_repository.h"

namespace patron::sql {

const std::vector<ResourceSpec>& catalog_resources() {
  using F = FieldType;
  static const std::vector<ResourceSpec> specs = {
      {"products", "products", "prd", {{"sku", F::text, true}, {"name", F::text, true}, {"category", F::text, false},
                                       {"brand", F::text, false}, {"price_minor", F::integer, true},
                                       {"currency", F::text, true}}, "sku"},
      {"stores", "stores", "sto", {{"code", F::text, true}, {"name", F::text, true}}, "code"},
      {"tiers", "tiers", "tie", {{"code", F::text, true}, {"name", F::text, true}, {"threshold_minor", F::integer, true},
                                 {"multiplier_permille", F::integer, false}}, "code"},
      {"earning-rules", "earning_rules", "rul",
       {{"name", F::text, true}, {"kind", F::text, true}, {"rate_milli", F::integer, false},
        {"multiplier_permille", F::integer, false}, {"bonus_points", F::integer, false}, {"target", F::text, false},
        {"threshold_minor", F::integer, false}, {"starts_at", F::optional_integer, false},
        {"ends_at", F::optional_integer, false}, {"store_ids", F::text, false}}, ""},
      {"rewards", "rewards", "rwd",
       {{"name", F::text, true}, {"description", F::text, false}, {"terms", F::text, false},
        {"points_cost", F::integer, true},
        {"stock", F::optional_integer, false}, {"per_customer_limit", F::optional_integer, false},
        {"active_from", F::optional_integer, false}, {"active_to", F::optional_integer, false},
        {"voucher_valid_days", F::integer, false}}, ""},
  };
  return specs;
}

const ResourceSpec* find_resource(const std::string& name) {
  for (const auto& spec : catalog_resources()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace patron::sql
