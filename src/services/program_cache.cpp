#include "services/program_cache.h"


namespace patron::services {
namespace {

constexpr std::size_t max_cached_products = 200'000;

}  // namespace

void ProgramCache::invalidate() {
  std::lock_guard lock(mutex_);
  loaded_ = false;
}

void ProgramCache::load_if_stale(Session session) {
  const auto now = Clock::now();
  if (loaded_ && now - loaded_at_ < max_age_) return;
  auto& catalog = session.stores().catalog();
  tiers_ = catalog.active_tiers();
  rules_ = catalog.active_earning_rules();
  live_campaigns_ = session.stores().offers().count_live_campaigns() > 0;
  rates_.clear();
  for (const auto& rate : session.stores().currency_rates().list()) rates_.emplace(rate.currency, rate.rate_nano);
  stores_.clear();
  products_.clear();
  loaded_ = true;
  loaded_at_ = now;
}

std::vector<Tier> ProgramCache::tiers(Session session) {
  std::lock_guard lock(mutex_);
  load_if_stale(session);
  return tiers_;
}

std::vector<EarningRule> ProgramCache::earning_rules(Session session) {
  std::lock_guard lock(mutex_);
  load_if_stale(session);
  return rules_;
}

bool ProgramCache::store_exists(Session session, const std::string& store_id) {
  std::lock_guard lock(mutex_);
  load_if_stale(session);
  if (stores_.contains(store_id)) return true;
  if (!session.stores().catalog().store_exists(store_id)) return false;  // unknown ids are never cached
  stores_.insert(store_id);
  return true;
}

std::optional<ProductRecord> ProgramCache::product(Session session, const std::string& sku) {
  std::lock_guard lock(mutex_);
  load_if_stale(session);
  if (auto it = products_.find(sku); it != products_.end()) return it->second;
  auto product = session.stores().catalog().product_by_sku(sku);
  if (!product) return std::nullopt;
  if (products_.size() >= max_cached_products) products_.clear();
  products_.emplace(sku, *product);
  return product;
}

std::optional<RateNano> ProgramCache::currency_rate(Session session, const std::string& currency) {
  std::lock_guard lock(mutex_);
  load_if_stale(session);
  if (auto it = rates_.find(currency); it != rates_.end()) return it->second;
  return std::nullopt;
}

bool ProgramCache::has_live_campaigns(Session session) {
  std::lock_guard lock(mutex_);
  load_if_stale(session);
  return live_campaigns_;
}

}  // namespace patron::services
