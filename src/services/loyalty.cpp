#include "services/loyalty.h"

#include <algorithm>
#include <limits>

#include "domain/checked.h"
#include "domain/rewards.h"
#include "domain/validation.h"
#include "services/loyalty_parts.h"
#include "services/offers.h"
#include "services/program_cache.h"
#include "services/secrets.h"

namespace patron::services {

using namespace loyalty_parts;

std::int64_t Loyalty::qualifying_window_start(std::int64_t now) const { return add_months(now, -12); }

Result<UserRecord> Loyalty::register_user(const std::string& email, const std::string& password,
                                               const std::string& name, const std::string& role, std::int64_t now) {
  if (auto valid = validate_password(password); !valid.ok()) return valid.error();
  return register_user(email, PasswordHash{hash_password(password)}, name, role, now);
}

Result<UserRecord> Loyalty::register_user(const std::string& email_input, const PasswordHash& password_hash,
                                               const std::string& name, const std::string& role, std::int64_t now) {
  const auto email = normalize_email(email_input);
  for (const auto& check : {validate_email(email), validate_name(name)}) {
    if (!check.ok()) return check.error();
  }
  auto& users = session_.stores().users();
  if (users.find_by_email(email)) return Error{ErrorCode::conflict, "this email is already registered", "email"};
  UserRecord user;
  user.id = new_id(role == "customer" ? "cus" : "usr");
  user.email = email;
  user.password_hash = password_hash.encoded;
  user.name = name;
  user.role = role;
  if (role == "customer") {
    do {
      user.card_number = "7" + random_digits(11);
    } while (users.find_by_card_number(user.card_number));
  }
  user.created_at = now;
  users.insert(user, now);
  if (role == "customer") {
    const auto tiers = session_.stores().catalog().active_tiers();
    AccountRecord account;
    account.customer_id = user.id;
    account.tier_code = tiers.empty() ? "" : tiers.front().code;
    account.tier_anniversary_at = add_months(now, 12);
    users.insert_account(account, now);
  }
  return user;
}

// A customer's account for a change the customer (or staff for them) asks
// for: an erased or disabled account is closed to every such change.
Result<AccountRecord> Loyalty::open_account(const std::string& customer_id) {
  auto owned = session_.stores().users().load_customer_account(customer_id);
  if (!owned || owned->role != "customer") return customer_not_found();
  if (owned->status != "active") return account_closed();
  return std::move(owned->account);
}

Result<UserRecord> Loyalty::resolve_customer(const CustomerRef& ref) {
  auto& users = session_.stores().users();
  std::optional<UserRecord> user;
  if (!ref.id.empty()) {
    user = users.find_by_id(ref.id);
  } else if (!ref.card_number.empty()) {
    user = users.find_by_card_number(ref.card_number);
  } else {
    user = users.find_by_email(normalize_email(ref.email));
  }
  if (!user || user->role != "customer" || user->status != "active") return customer_not_found();
  return *user;
}

Result<ReturnOutcome> Loyalty::record_return(const std::string& transaction_id,
                                             const std::vector<ReturnLineInput>& lines,
                                             std::optional<std::string> store_scope, std::int64_t now) {
  auto& transactions = session_.stores().transactions();
  auto txn = transactions.find(transaction_id);
  if (!txn || (store_scope && *store_scope != txn->store_id)) {
    return Error{ErrorCode::not_found, "transaction not found", "transaction_id"};
  }
  MinorUnits amount_minor = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto field = "lines[" + std::to_string(i) + "]";
    std::int64_t wanted = lines[i].quantity;
    bool sku_found = false;
    for (auto& line : txn->lines) {
      if (line.sku != lines[i].sku) continue;
      sku_found = true;
      const auto taken = std::min(wanted, line.quantity - line.returned_quantity);
      line.returned_quantity += taken;
      amount_minor += taken * line.unit_price_minor;
      wanted -= taken;
    }
    if (!sku_found) return Error::validation(field + ".sku", "this SKU is not on the transaction");
    if (wanted > 0) return Error::validation(field + ".quantity", "more than was bought and not yet returned");
  }
  return reverse_returned_value(*txn, amount_minor, now);
}

Result<ReturnOutcome> Loyalty::record_refund(const std::string& transaction_id, MinorUnits amount_minor,
                                             std::int64_t now) {
  auto txn = session_.stores().transactions().find(transaction_id);
  if (!txn) return Error{ErrorCode::not_found, "transaction not found", "transaction_id"};
  if (amount_minor <= 0) return Error::validation("amount_minor", "must be positive");
  const auto remaining = txn->total_minor - txn->returned_minor;
  if (remaining <= 0) return Error::conflict("this transaction was already returned in full");
  return reverse_returned_value(*txn, std::min(amount_minor, remaining), now);
}

// The points of `amount_minor` more of the transaction's value coming back,
// reversed from the ledger, and the return recorded.
Result<ReturnOutcome> Loyalty::reverse_returned_value(TransactionRecord& txn, MinorUnits amount_minor,
                                                      std::int64_t now) {
  auto& transactions = session_.stores().transactions();
  const auto points = points_to_reverse(txn.points_earned, txn.total_minor, txn.returned_minor, amount_minor);
  auto& users = session_.stores().users();
  auto account = users.load_account(txn.customer_id);
  if (!account) return customer_not_found();
  std::string entry_id;
  if (points > 0) {
    if (auto bounded = bounded_balance_after(account->points_balance, -points, settings_.limits, "lines");
        !bounded.ok()) {
      return bounded.error();
    }
    auto& ledger = session_.stores().ledger();
    const auto plan =
        plan_reversal(account->points_balance, ledger.open_lots(account->customer_id), points, txn.earn_entry_id);
    ledger.consume(plan.consumed);
    entry_id =
        append_entry(session_, *account, LedgerKind::reverse, -points, plan.balance_after, txn.id, "return", "", now)
            .id;
    users.save_account(*account, now);
  }
  txn.returned_minor += amount_minor;
  txn.points_reversed += points;
  txn.status = txn.returned_minor >= txn.total_minor ? "returned" : "partially_returned";
  ReturnOutcome outcome{new_id("ret"), points, account->points_balance, amount_minor};
  transactions.record_return(txn, outcome.return_id, amount_minor, points, entry_id, now);
  return outcome;
}

Result<RedemptionOutcome> Loyalty::redeem(const std::string& customer_id, const std::string& reward_id,
                                          std::int64_t now) {
  auto& catalog = session_.stores().catalog();
  auto reward = catalog.reward(reward_id);
  if (!reward) return Error{ErrorCode::not_found, "reward not found", "reward_id"};
  auto& users = session_.stores().users();
  auto account = open_account(customer_id);
  if (!account.ok()) return account.error();
  auto& ledger = session_.stores().ledger();
  auto allowed =
      check_redeemable(*reward, now, account->points_balance, ledger.count_redemptions(customer_id, reward_id));
  if (!allowed.ok()) return allowed.error();

  auto plan = plan_redemption(account->points_balance, ledger.open_lots(customer_id), reward->points_cost);
  if (!plan.ok()) return plan.error();
  ledger.consume(plan->consumed);

  RedemptionOutcome outcome;
  auto& r = outcome.redemption;
  r.id = new_id("red");
  r.customer_id = customer_id;
  r.reward_id = reward_id;
  r.reward_name = reward->name;
  r.points = reward->points_cost;
  r.created_at = now;
  r.expires_at = voucher_expires_at(*reward, now);
  for (int attempt = 0; attempt < max_voucher_attempts && (r.code.empty() || ledger.redemption_code_taken(r.code));
       ++attempt) {
    r.code = voucher_code();
  }
  r.ledger_entry_id = append_entry(session_, *account, LedgerKind::redeem, -reward->points_cost, plan->balance_after,
                                   r.id, "reward", "", now)
                          .id;
  // Another process may have taken the last unit since `reward` was read.
  if (!catalog.decrement_stock(reward_id)) return Error::conflict("this reward is out of stock");
  ledger.insert_redemption(r);
  users.save_account(*account, now);
  outcome.balance_after = account->points_balance;
  return outcome;
}

Result<LedgerEntryRecord> Loyalty::adjust(const std::string& customer_id, Points points, const std::string& reason,
                                               const std::string& admin_id, std::int64_t now) {
  auto& users = session_.stores().users();
  auto account = open_account(customer_id);
  if (!account.ok()) return account.error();
  if (points == 0) return Error::validation("points", "must not be zero");
  LedgerEntryRecord entry;
  if (points > 0) {
    if (auto bounded = bounded_balance_after(account->points_balance, points, settings_.limits, "points");
        !bounded.ok()) {
      return bounded.error();
    }
    entry = credit(session_, *account, LedgerKind::adjust, points, "", reason, admin_id, now, now,
                   settings_.points_expiry_months);
  } else {
    auto& ledger = session_.stores().ledger();
    auto plan = plan_redemption(account->points_balance, ledger.open_lots(customer_id), -points);
    if (!plan.ok())
      return Error{ErrorCode::insufficient_points, "the adjustment would take the balance below zero", "points"};
    ledger.consume(plan->consumed);
    entry =
        append_entry(session_, *account, LedgerKind::adjust, points, plan->balance_after, "", reason, admin_id, now);
  }
  users.save_account(*account, now);
  return entry;
}

MaintenanceReport Loyalty::run_maintenance(std::int64_t now) {
  MaintenanceReport report;
  auto& ledger = session_.stores().ledger();
  auto& users = session_.stores().users();
  for (const auto& customer_id : ledger.customers_with_expired_lots(now, max_customers_per_maintenance_pass)) {
    auto account = users.load_account(customer_id);
    if (!account) continue;
    const auto plan = plan_expiry(account->points_balance, ledger.open_lots(customer_id), now);
    if (plan.points == 0) continue;
    ledger.consume(plan.expired);
    append_entry(session_, *account, LedgerKind::expire, -plan.points, plan.balance_after, "", "points expired", "",
                 now);
    users.save_account(*account, now);
    report.customers_expired += 1;
    report.points_expired += plan.points;
  }
  const auto tiers = session_.stores().catalog().active_tiers();
  auto& transactions = session_.stores().transactions();
  for (const auto& customer_id : users.accounts_due_for_tier_review(now, max_customers_per_maintenance_pass)) {
    auto account = users.load_account(customer_id);
    if (!account) continue;
    const auto tier =
        tier_at_anniversary(tiers, transactions.qualifying_spend(customer_id, qualifying_window_start(now)));
    if (tier) account->tier_code = tier->code;
    while (account->tier_anniversary_at <= now)
      account->tier_anniversary_at = add_months(account->tier_anniversary_at, 12);
    users.save_account(*account, now);
    report.tiers_reviewed += 1;
  }
  return report;
}

// Staff still see an erased customer's account (the ledger is kept for
// accounting); customer routes refuse closed accounts before they get here.
Result<AccountView> Loyalty::account_view(const std::string& customer_id, std::int64_t now) {
  auto account = session_.stores().users().load_account(customer_id);
  if (!account) return customer_not_found();
  const auto tiers = ProgramReader(session_, settings_.cache).tiers();
  AccountView view;
  view.currency = settings_.base_currency;
  view.points_balance = account->points_balance;
  view.tier = tier_by_code(tiers, account->tier_code);
  const auto spend = session_.stores().transactions().qualifying_spend(customer_id, qualifying_window_start(now));
  view.progress = progress_towards_next(tiers, account->tier_code, spend);
  view.points_expiring =
      session_.stores().ledger().expiring_points(customer_id, static_cast<int>(points_expiring_shown));
  return view;
}

}  // namespace patron::services
