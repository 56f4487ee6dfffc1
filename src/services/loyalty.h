#pragma once
// Loyalty use cases: each runs inside one SQL transaction (the write queue's
// savepoint) and walks a purchase, return, redemption or adjustment from the
// repositories through the domain rules to the ledger exactly once.
#include <optional>
#include <string>
#include <vector>

#include "domain/earning.h"
#include "domain/ledger.h"
#include "domain/limits.h"
#include "domain/result.h"
#include "domain/tiers.h"
#include "services/secrets.h"
#include "domain/records.h"
#include "services/session.h"

namespace patron::services {

class ProgramCache;

// How far a purchase's occurred_at may lie from the server's clock: a till's
// clock may run a little fast; back-dated purchases (late uploads, imports
// through the POS) are accepted within a configurable window.
inline constexpr std::int64_t max_clock_skew_seconds = 300;
inline constexpr int default_max_purchase_age_days = 400;
inline constexpr int ceiling_purchase_age_days = 3660;

struct ProgramSettings {
  int points_expiry_months = 12;
  ProgramCache* cache = nullptr;  // the server's; CLI commands read the catalog directly
  std::string base_currency = "USD";
  ProgramLimits limits{};
  int max_purchase_age_days = default_max_purchase_age_days;
};

struct CustomerRef {  // exactly one is set
  std::string id, card_number, email;
};

struct PurchaseLineInput {
  std::string sku;
  std::int64_t quantity = 0;
  std::optional<MinorUnits> unit_price_minor;  // the catalog price when absent
};

struct PurchaseCommand {
  CustomerRef customer;
  std::string store_id;
  std::int64_t occurred_at = 0;
  std::string currency;  // empty: the program's base currency
  std::string external_id;
  std::string channel = "pos";
  std::vector<PurchaseLineInput> lines;
};

struct PurchaseOutcome {
  std::string transaction_id;
  std::string customer_id;
  Points points_earned = 0;
  Points balance_after = 0;
  Tier tier;
  std::vector<AppliedRule> applied;
  std::string currency;  // the base currency the total was recorded in
  MinorUnits total_minor = 0;
};

struct ReturnLineInput {
  std::string sku;
  std::int64_t quantity = 0;
};

struct ReturnOutcome {
  std::string return_id;
  Points points_reversed = 0;
  Points balance_after = 0;
  MinorUnits amount_minor = 0;
};

struct RedemptionOutcome {
  RedemptionRecord redemption;
  Points balance_after = 0;
};

struct AccountView {
  Points points_balance = 0;
  std::optional<Tier> tier;
  TierProgress progress;
  std::string currency = "USD";
  std::vector<ExpiringPoints> points_expiring;
};

struct MaintenanceReport {
  int customers_expired = 0;
  Points points_expired = 0;
  int tiers_reviewed = 0;
};

class Loyalty {
 public:
  Loyalty(Session session, ProgramSettings settings) : session_(session), settings_(settings) {}

  // Hashes the password here: for the command line. The server hashes on its
  // password pool before queueing and calls the overload below.
  Result<UserRecord> register_user(const std::string& email, const std::string& password, const std::string& name,
                                        const std::string& role, std::int64_t now);
  // `password_hash` from a password the caller validated (validate_password).
  Result<UserRecord> register_user(const std::string& email, const PasswordHash& password_hash,
                                        const std::string& name, const std::string& role, std::int64_t now);
  Result<PurchaseOutcome> record_purchase(const PurchaseCommand& command, std::int64_t now);
  // A POS batch: each purchase commits or fails on its own (a savepoint each)
  // inside the caller's one transaction; a command that was already refused
  // when read stays refused. One outcome per command, in order.
  std::vector<Result<PurchaseOutcome>> record_purchases_each(const std::vector<Result<PurchaseCommand>>& commands,
                                                             std::int64_t now);
  Result<ReturnOutcome> record_return(const std::string& transaction_id, const std::vector<ReturnLineInput>& lines,
                                      std::optional<std::string> store_scope, std::int64_t now);
  // A refund of money rather than of lines (an online payment refunded through
  // Stripe): reverses the share of the points that `amount_minor` (in the
  // transaction's currency) is of its total, as a return of that value would;
  // at most what is not yet returned counts.
  Result<ReturnOutcome> record_refund(const std::string& transaction_id, MinorUnits amount_minor, std::int64_t now);
  Result<RedemptionOutcome> redeem(const std::string& customer_id, const std::string& reward_id, std::int64_t now);
  Result<LedgerEntryRecord> adjust(const std::string& customer_id, Points points, const std::string& reason,
                                        const std::string& admin_id, std::int64_t now);
  MaintenanceReport run_maintenance(std::int64_t now);
  Result<AccountView> account_view(const std::string& customer_id, std::int64_t now);

 private:
  Result<UserRecord> resolve_customer(const CustomerRef& ref);
  Result<AccountRecord> open_account(const std::string& customer_id);
  Status check_purchase_time(std::int64_t occurred_at, std::int64_t now) const;
  Result<MinorUnits> to_base_currency(MinorUnits amount, const std::string& currency, const std::string& field);
  Result<PurchaseFacts> price_lines(const PurchaseCommand& command, TransactionRecord& txn);
  Result<AccountRecord> purchasing_account(const CustomerRef& customer);
  Status store_purchase(TransactionRecord& txn, const PurchaseCommand& command, AccountRecord& account,
                        Points points, std::int64_t now);
  Result<ReturnOutcome> reverse_returned_value(TransactionRecord& txn, MinorUnits amount_minor, std::int64_t now);
  std::int64_t qualifying_window_start(std::int64_t now) const;

  Session session_;
  ProgramSettings settings_;
};

}  // namespace patron::services
