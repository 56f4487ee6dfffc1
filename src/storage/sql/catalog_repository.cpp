#include "storage/sql/catalog_repository.h"

#include <algorithm>

#include "storage/sql/queries.h"

namespace patron::sql {
namespace {

// Storage with stable addresses for SOCI's bound values and indicators.
struct Bindings {
  std::deque<std::string> texts;
  std::deque<long long> numbers;
  std::deque<soci::indicator> indicators;

  void use(soci::statement& st, const CatalogField& field, const CatalogValue& value) {
    auto& ind = indicators.emplace_back(std::holds_alternative<std::monostate>(value) ? soci::i_null : soci::i_ok);
    if (field.is_text()) {
      const auto* text = std::get_if<std::string>(&value);
      st.exchange(soci::use(texts.emplace_back(text ? *text : std::string{}), ind));
    } else {
      const auto* number = std::get_if<long long>(&value);
      st.exchange(soci::use(numbers.emplace_back(number ? *number : 0), ind));
    }
  }
};

std::string joined_columns(const CatalogResource& spec) {
  std::string columns = "id, archived";
  for (const auto& f : spec.fields) columns += ", " + f.name;
  return columns;
}

Reward reward_from_row(const CatalogRow& row) {
  Reward reward;
  reward.id = catalog_text(row, "id");
  reward.name = catalog_text(row, "name");
  reward.description = catalog_text(row, "description");
  reward.terms = catalog_text(row, "terms");
  reward.points_cost = catalog_number(row, "points_cost").value_or(0);
  reward.stock = catalog_number(row, "stock");
  reward.per_customer_limit = catalog_number(row, "per_customer_limit");
  reward.active_from = catalog_number(row, "active_from");
  reward.active_to = catalog_number(row, "active_to");
  reward.archived = catalog_number(row, "archived").value_or(0) != 0;
  reward.voucher_valid_days = catalog_number(row, "voucher_valid_days").value_or(default_voucher_valid_days);
  return reward;
}

// The resource's table: its URL name in SQL's spelling (earning-rules is
// earning_rules), which the migrations create for each resource.
std::string table_of(const CatalogResource& spec) {
  std::string table = spec.name;
  std::replace(table.begin(), table.end(), '-', '_');
  return table;
}

}  // namespace

void CatalogRepository::create(const CatalogResource& spec, const CatalogRow& row, std::int64_t now) {
  soci::statement st(session_);
  Bindings bindings;
  std::string columns = "id, archived, created_at", placeholders = ":id, 0, :created_at";
  st.exchange(soci::use(bindings.texts.emplace_back(catalog_text(row, "id"))));
  st.exchange(soci::use(bindings.numbers.emplace_back(now)));
  for (const auto& field : spec.fields) {
    auto it = row.find(field.name);
    if (it == row.end()) continue;  // the column default applies
    columns += ", " + field.name;
    placeholders += ", :v" + std::to_string(bindings.indicators.size());
    bindings.use(st, field, it->second);
  }
  st.alloc();
  st.prepare("INSERT INTO " + table_of(spec) + " (" + columns + ") VALUES (" + placeholders + ")");
  st.define_and_bind();
  st.execute(true);
}

Page<CatalogRow> CatalogRepository::select(const CatalogResource& spec, const std::string& where,
                                           const std::vector<std::string>& params, int limit) {
  soci::statement st(session_);
  std::string id;
  int archived = 0;
  std::deque<std::string> texts;
  std::deque<long long> numbers;
  std::deque<soci::indicator> indicators;
  st.exchange(soci::into(id));
  st.exchange(soci::into(archived));
  for (const auto& field : spec.fields) {
    auto& ind = indicators.emplace_back(soci::i_ok);
    if (field.is_text()) {
      st.exchange(soci::into(texts.emplace_back(), ind));
    } else {
      st.exchange(soci::into(numbers.emplace_back(0), ind));
    }
  }
  std::deque<std::string> bound(params.begin(), params.end());
  for (auto& p : bound) st.exchange(soci::use(p));
  const int fetch = limit + 1;
  st.exchange(soci::use(fetch));
  st.alloc();
  st.prepare("SELECT " + joined_columns(spec) + " FROM " + table_of(spec) + " WHERE " + where +
             " ORDER BY id LIMIT :n");
  st.define_and_bind();
  st.execute();
  Page<CatalogRow> page;
  while (st.fetch()) {
    CatalogRow row{{"id", id}, {"archived", static_cast<long long>(archived)}};
    std::size_t t = 0, n = 0;
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
      const auto& field = spec.fields[i];
      const bool is_null = indicators[i] == soci::i_null;
      if (field.is_text()) {
        row[field.name] = is_null ? CatalogValue{} : CatalogValue{texts[t]};
        ++t;
      } else {
        row[field.name] = is_null ? CatalogValue{} : CatalogValue{numbers[n]};
        ++n;
      }
    }
    page.items.push_back(std::move(row));
  }
  cut_to_limit(page, limit, [](const auto& last) { return catalog_text(last, "id"); });
  return page;
}

std::optional<CatalogRow> CatalogRepository::get(const CatalogResource& spec, const std::string& id) {
  auto page = select(spec, "id = :id", {id}, 1);
  if (page.items.empty()) return std::nullopt;
  return page.items.front();
}

Page<CatalogRow> CatalogRepository::list(const CatalogResource& spec, int limit, const std::string& after_id,
                                         bool include_archived) {
  return select(spec, include_archived ? "id > :after" : "id > :after AND archived = 0", {after_id}, limit);
}

void CatalogRepository::update(const CatalogResource& spec, const std::string& id, const CatalogRow& changes) {
  soci::statement st(session_);
  Bindings bindings;
  std::string assignments;
  for (const auto& field : spec.fields) {
    auto it = changes.find(field.name);
    if (it == changes.end()) continue;
    if (!assignments.empty()) assignments += ", ";
    assignments += field.name + " = :v" + std::to_string(bindings.indicators.size());
    bindings.use(st, field, it->second);
  }
  if (assignments.empty()) return;
  st.exchange(soci::use(bindings.texts.emplace_back(id)));
  st.alloc();
  st.prepare("UPDATE " + table_of(spec) + " SET " + assignments + " WHERE id = :id");
  st.define_and_bind();
  st.execute(true);
}

void CatalogRepository::archive(const CatalogResource& spec, const std::string& id) {
  session_ << "UPDATE " + table_of(spec) + " SET archived = 1 WHERE id = :id", soci::use(id);
}

bool CatalogRepository::unique_value_taken(const CatalogResource& spec, const std::string& value,
                                           const std::string& except_id) {
  long long count = 0;
  session_ << "SELECT COUNT(*) FROM " + table_of(spec) + " WHERE " + spec.unique_field + " = :v AND id <> :id",
      soci::use(value), soci::use(except_id), soci::into(count);
  return count > 0;
}

std::vector<Tier> CatalogRepository::active_tiers() {
  std::vector<Tier> tiers;
  for (const auto& row : select(*find_catalog_resource("tiers"), "archived = 0", {}, 1000).items) {
    tiers.push_back({catalog_text(row, "code"), catalog_text(row, "name"),
                     catalog_number(row, "threshold_minor").value_or(0),
                     catalog_number(row, "multiplier_permille").value_or(1000)});
  }
  return sorted_by_threshold(std::move(tiers));
}

std::vector<EarningRule> CatalogRepository::active_earning_rules() {
  std::vector<EarningRule> rules;
  for (const auto& row : select(*find_catalog_resource("earning-rules"), "archived = 0", {}, 1000).items) {
    auto kind = parse_earning_rule_kind(catalog_text(row, "kind"));
    if (!kind) continue;
    EarningRule rule;
    rule.id = catalog_text(row, "id");
    rule.name = catalog_text(row, "name");
    rule.kind = *kind;
    rule.rate_milli = catalog_number(row, "rate_milli").value_or(0);
    rule.multiplier_permille = catalog_number(row, "multiplier_permille").value_or(1000);
    rule.bonus_points = catalog_number(row, "bonus_points").value_or(0);
    rule.target = catalog_text(row, "target");
    rule.threshold_minor = catalog_number(row, "threshold_minor").value_or(0);
    rule.starts_at = catalog_number(row, "starts_at");
    rule.ends_at = catalog_number(row, "ends_at");
    rule.store_ids = referenced_ids(catalog_text(row, "store_ids"));
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::optional<Reward> CatalogRepository::reward(const std::string& id) {
  auto row = get(*find_catalog_resource("rewards"), id);
  if (!row) return std::nullopt;
  return reward_from_row(*row);
}

std::vector<Reward> CatalogRepository::active_rewards() {
  std::vector<Reward> rewards;
  for (const auto& row : select(*find_catalog_resource("rewards"), "archived = 0", {}, 1000).items) {
    rewards.push_back(reward_from_row(row));
  }
  return rewards;
}

bool CatalogRepository::decrement_stock(const std::string& reward_id) {
  long long unlimited = 0;
  session_ << "SELECT COUNT(*) FROM rewards WHERE id = :id AND stock IS NULL", soci::use(reward_id),
      soci::into(unlimited);
  if (unlimited > 0) return true;
  soci::statement st =
      (session_.prepare << "UPDATE rewards SET stock = stock - 1 WHERE id = :id AND stock > 0", soci::use(reward_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::optional<ProductRecord> CatalogRepository::product_by_sku(const std::string& sku) {
  ProductRecord p;
  long long price = 0;
  session_ << "SELECT id, sku, name, category, brand, price_minor, currency FROM products WHERE sku = :s AND "
              "archived = 0",
      soci::use(sku), soci::into(p.id), soci::into(p.sku), soci::into(p.name), soci::into(p.category),
      soci::into(p.brand), soci::into(price), soci::into(p.currency);
  if (!session_.got_data()) return std::nullopt;
  p.price_minor = price;
  return p;
}

bool CatalogRepository::store_exists(const std::string& store_id) {
  long long count = 0;
  session_ << "SELECT COUNT(*) FROM stores WHERE id = :id AND archived = 0", soci::use(store_id), soci::into(count);
  return count > 0;
}

std::optional<std::string> CatalogRepository::store_id_by_code(const std::string& code) {
  std::string id;
  session_ << "SELECT id FROM stores WHERE code = :c", soci::use(code), soci::into(id);
  if (!session_.got_data()) return std::nullopt;
  return id;
}

}  // namespace patron::sql
