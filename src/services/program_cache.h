#pragma once
// The loyalty program's configuration (tiers, earning rules, stores, products,
// currency rates)
// as every purchase and account view reads it, kept in memory: those reads
// were about a quarter of the single writer's time per purchase. Catalog
// writes in this process invalidate it once they commit; changes made by
// another process (a second server on the same database, `patron import`) are
// picked up within `max_age`. Thread-safe; misses read through `session`.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/earning.h"
#include "domain/money.h"
#include "domain/tiers.h"
#include "domain/records.h"
#include "services/session.h"

namespace patron::services {

class ProgramCache {
 public:
  explicit ProgramCache(std::chrono::milliseconds max_age = std::chrono::seconds(5)) : max_age_(max_age) {}

  void invalidate();

  std::vector<Tier> tiers(Session session);
  std::vector<EarningRule> earning_rules(Session session);
  bool store_exists(Session session, const std::string& store_id);
  std::optional<ProductRecord> product(Session session, const std::string& sku);
  // The rate from `currency` to the base currency, if staff have set one.
  std::optional<RateNano> currency_rate(Session session, const std::string& currency);
  // Whether any campaign is live: when none is, purchases skip looking for offers.
  bool has_live_campaigns(Session session);

 private:
  using Clock = std::chrono::steady_clock;
  void load_if_stale(Session session);  // with mutex_ held

  const std::chrono::milliseconds max_age_;
  std::mutex mutex_;
  bool loaded_ = false;
  Clock::time_point loaded_at_;
  std::vector<Tier> tiers_;
  std::vector<EarningRule> rules_;
  std::unordered_set<std::string> stores_;
  std::unordered_map<std::string, RateNano> rates_;
  bool live_campaigns_ = false;
  // Filled on demand: a catalog may hold far more products than one server sells.
  std::unordered_map<std::string, ProductRecord> products_;
};

}  // namespace patron::services
