#pragma once
// The parts of services::Loyalty that its source files share (loyalty.cpp:
// accounts, returns, redemptions, adjustments, maintenance; loyalty_purchase.cpp:
// purchases). Not for use outside the service.
#include <optional>
#include <string>
#include <vector>

#include "domain/earning.h"
#include "domain/ledger.h"
#include "domain/money.h"
#include "domain/result.h"
#include "domain/tiers.h"
#include "services/program_cache.h"
#include "services/session.h"

namespace patron::services::loyalty_parts {

// The program configuration from the server's cache when there is one, else
// straight from the database (CLI commands, tests).
class ProgramReader {
 public:
  ProgramReader(Session session, ProgramCache* cache) : session_(session), cache_(cache) {}
  std::vector<Tier> tiers() {
    return cache_ ? cache_->tiers(session_) : session_.stores().catalog().active_tiers();
  }
  std::vector<EarningRule> earning_rules() {
    return cache_ ? cache_->earning_rules(session_) : session_.stores().catalog().active_earning_rules();
  }
  bool store_exists(const std::string& id) {
    return cache_ ? cache_->store_exists(session_, id) : session_.stores().catalog().store_exists(id);
  }
  std::optional<ProductRecord> product(const std::string& sku) {
    return cache_ ? cache_->product(session_, sku) : session_.stores().catalog().product_by_sku(sku);
  }
  bool has_live_campaigns() {
    return cache_ ? cache_->has_live_campaigns(session_) : session_.stores().offers().count_live_campaigns() > 0;
  }
  std::optional<RateNano> currency_rate(const std::string& currency) {
    if (cache_) return cache_->currency_rate(session_, currency);
    auto rate = session_.stores().currency_rates().find(currency);
    return rate ? std::optional<RateNano>(rate->rate_nano) : std::nullopt;
  }

 private:
  Session session_;
  ProgramCache* cache_;
};

constexpr int max_customers_per_maintenance_pass = 10'000;
constexpr int max_voucher_attempts = 8;
constexpr std::size_t points_expiring_shown = 5;

// Appends one entry to a customer's ledger and keeps the account's balance and
// entry sequence in step with it; the caller has planned balance_after.
LedgerEntryRecord append_entry(Session session, AccountRecord& account, LedgerKind kind,
                                    Points signed_points, Points balance_after, const std::string& reference,
                                    const std::string& reason, const std::string& created_by, std::int64_t now);

// A credit: repays any debt first, then opens a lot for the rest.
LedgerEntryRecord credit(Session session, AccountRecord& account, LedgerKind kind, Points points,
                              const std::string& reference, const std::string& reason, const std::string& by,
                              std::int64_t earned_at, std::int64_t now, int expiry_months);

std::optional<Tier> tier_by_code(const std::vector<Tier>& tiers, const std::string& code);

// Rules and tiers by the names staff gave them, for receipts.
void name_applied(std::vector<AppliedRule>& applied, const std::vector<EarningRule>& rules,
                  const std::vector<Tier>& tiers);

Error customer_not_found();
Error account_closed();

}  // namespace patron::services::loyalty_parts
