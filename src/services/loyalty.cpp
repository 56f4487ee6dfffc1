#include "services/loyalty.h"

#include <algorithm>
#include <limits>

#include "domain/checked.h"
#include "domain/rewards.h"
#include "domain/validation.h"
#include "services/offers.h"
#include "services/program_cache.h"
#include "services/secrets.h"
#include "storage/sql/catalog_repository.h"
#include "storage/sql/currency_rates_repository.h"
#include "storage/sql/offers_repository.h"
#include "storage/sql/ledger_repository.h"
#include "storage/sql/redemptions_repository.h"
#include "storage/sql/transactions_repository.h"
#include "storage/sql/users_repository.h"

namespace patron::services {
namespace {

// The program configuration from the server's cache when there is one, else
// straight from the database (CLI commands, tests).
class ProgramReader {
 public:
  ProgramReader(soci::session& session, ProgramCache* cache) : session_(session), cache_(cache) {}
  std::vector<Tier> tiers() { return cache_ ? cache_->tiers(session_) : sql::CatalogRepository(session_).active_tiers(); }
  std::vector<EarningRule> earning_rules() {
    return cache_ ? cache_->earning_rules(session_) : sql::CatalogRepository(session_).active_earning_rules();
  }
  bool store_exists(const std::string& id) {
    return cache_ ? cache_->store_exists(session_, id) : sql::CatalogRepository(session_).store_exists(id);
  }
  std::optional<sql::ProductRecord> product(const std::string& sku) {
    return cache_ ? cache_->product(session_, sku) : sql::CatalogRepository(session_).product_by_sku(sku);
  }
  bool has_live_campaigns() {
    return cache_ ? cache_->has_live_campaigns(session_) : sql::OffersRepository(session_).count_live_campaigns() > 0;
  }
  std::optional<RateNano> currency_rate(const std::string& currency) {
    if (cache_) return cache_->currency_rate(session_, currency);
    auto rate = sql::CurrencyRatesRepository(session_).find(currency);
    return rate ? std::optional<RateNano>(rate->rate_nano) : std::nullopt;
  }

 private:
  soci::session& session_;
  ProgramCache* cache_;
};

constexpr int max_customers_per_maintenance_pass = 10'000;
constexpr int max_voucher_attempts = 8;
constexpr std::size_t points_expiring_shown = 5;

// Appends one entry to a customer's ledger and keeps the account's balance and
// entry sequence in step with it; the caller has planned balance_after.
sql::LedgerEntryRecord append_entry(soci::session& session, sql::AccountRecord& account, LedgerKind kind,
                                    Points signed_points, Points balance_after, const std::string& reference,
                                    const std::string& reason, const std::string& created_by, std::int64_t now) {
  PATRON_INVARIANT(checked_add(account.points_balance, signed_points) == std::optional<Points>(balance_after));
  sql::LedgerEntryRecord entry;
  entry.id = new_id("led");
  entry.customer_id = account.customer_id;
  entry.seq = ++account.entry_count;
  entry.occurred_at = now;
  entry.kind = to_string(kind);
  entry.points = signed_points;
  entry.balance_after = balance_after;
  entry.reference = reference;
  entry.reason = reason;
  entry.created_by = created_by;
  sql::LedgerRepository(session).append(entry);
  account.points_balance = balance_after;
  return entry;
}

sql::LedgerEntryRecord credit(soci::session& session, sql::AccountRecord& account, LedgerKind kind, Points points,
                              const std::string& reference, const std::string& reason, const std::string& by,
                              std::int64_t earned_at, std::int64_t now, int expiry_months) {
  const auto plan = plan_credit(account.points_balance, points);
  auto entry = append_entry(session, account, kind, points, plan.balance_after, reference, reason, by, now);
  if (plan.lot_points > 0) {
    sql::LedgerRepository(session).open_lot(entry.id, account.customer_id, plan.lot_points, earned_at,
                                            add_months(earned_at, expiry_months));
  }
  return entry;
}

std::optional<Tier> tier_by_code(const std::vector<Tier>& tiers, const std::string& code) {
  for (const auto& tier : tiers) {
    if (tier.code == code) return tier;
  }
  return std::nullopt;
}

// Rules and tiers by the names staff gave them, for receipts.
void name_applied(std::vector<AppliedRule>& applied, const std::vector<EarningRule>& rules,
                  const std::vector<Tier>& tiers) {
  for (auto& a : applied) {
    if (a.source == "rule") {
      for (const auto& r : rules) {
        if (r.id == a.id) a.name = r.name;
      }
    } else if (a.source == "tier") {
      for (const auto& t : tiers) {
        if (t.code == a.id) a.name = t.name + " tier bonus";
      }
    }
  }
}

Error customer_not_found() { return {ErrorCode::not_found, "customer not found", "customer"}; }
Error account_closed() { return {ErrorCode::account_closed, "this account has been closed", {}}; }

}  // namespace

std::int64_t Loyalty::qualifying_window_start(std::int64_t now) const { return add_months(now, -12); }

Result<sql::UserRecord> Loyalty::register_user(const std::string& email, const std::string& password,
                                               const std::string& name, const std::string& role, std::int64_t now) {
  if (auto valid = validate_password(password); !valid.ok()) return valid.error();
  return register_user(email, PasswordHash{hash_password(password)}, name, role, now);
}

Result<sql::UserRecord> Loyalty::register_user(const std::string& email_input, const PasswordHash& password_hash,
                                               const std::string& name, const std::string& role, std::int64_t now) {
  const auto email = normalize_email(email_input);
  for (const auto& check : {validate_email(email), validate_name(name)}) {
    if (!check.ok()) return check.error();
  }
  sql::UsersRepository users(session_);
  if (users.find_by_email(email)) return Error{ErrorCode::conflict, "this email is already registered", "email"};
  sql::UserRecord user;
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
    const auto tiers = sql::CatalogRepository(session_).active_tiers();
    sql::AccountRecord account;
    account.customer_id = user.id;
    account.tier_code = tiers.empty() ? "" : tiers.front().code;
    account.tier_anniversary_at = add_months(now, 12);
    users.insert_account(account, now);
  }
  return user;
}

// A customer's account for a change the customer (or staff for them) asks
// for: an erased or disabled account is closed to every such change.
Result<sql::AccountRecord> Loyalty::open_account(const std::string& customer_id) {
  auto owned = sql::UsersRepository(session_).load_customer_account(customer_id);
  if (!owned || owned->role != "customer") return customer_not_found();
  if (owned->status != "active") return account_closed();
  return std::move(owned->account);
}

Result<sql::UserRecord> Loyalty::resolve_customer(const CustomerRef& ref) {
  sql::UsersRepository users(session_);
  std::optional<sql::UserRecord> user;
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

Status Loyalty::check_purchase_time(std::int64_t occurred_at, std::int64_t now) const {
  if (occurred_at > now + max_clock_skew_seconds) {
    return Error::validation("occurred_at", "is more than 5 minutes in the future");
  }
  const std::int64_t oldest = now - std::int64_t{settings_.max_purchase_age_days} * 86'400;
  if (occurred_at < oldest) {
    return Error::validation("occurred_at", "is more than " + std::to_string(settings_.max_purchase_age_days) +
                                                " days in the past");
  }
  return ok_status();
}

Result<MinorUnits> Loyalty::to_base_currency(MinorUnits amount, const std::string& currency,
                                             const std::string& field) {
  if (currency == settings_.base_currency) return amount;
  auto rate = ProgramReader(session_, settings_.cache).currency_rate(currency);
  if (!rate) {
    return Error{ErrorCode::unsupported_currency,
                 "no exchange rate from " + currency + " to " + settings_.base_currency + " is set", field};
  }
  auto converted = convert_minor(amount, currency, *rate, settings_.base_currency);
  if (!converted.ok()) return Error{ErrorCode::limit_exceeded, converted.error().message, field};
  return converted;
}

// Prices each line in the base currency (an explicit price is in the
// purchase's currency, a catalog price in the product's), bounded by the
// program's limits, and fills the transaction's lines and amounts.
Result<PurchaseFacts> Loyalty::price_lines(const PurchaseCommand& command, sql::TransactionRecord& txn) {
  ProgramReader program(session_, settings_.cache);
  const auto currency = command.currency.empty() ? settings_.base_currency : command.currency;
  std::optional<RateNano> rate;
  if (currency != settings_.base_currency) {
    rate = program.currency_rate(currency);
    if (!rate) {
      return Error{ErrorCode::unsupported_currency,
                   "no exchange rate from " + currency + " to " + settings_.base_currency + " is set", "currency"};
    }
  }
  PurchaseFacts facts;
  facts.store_id = command.store_id;
  facts.currency = settings_.base_currency;
  facts.occurred_at = command.occurred_at;
  std::optional<MinorUnits> original_total = 0;  // in the purchase's currency, when every line's price is
  for (std::size_t i = 0; i < command.lines.size(); ++i) {
    const auto& input = command.lines[i];
    const auto field = "lines[" + std::to_string(i) + "]";
    auto product = program.product(input.sku);
    if (!product) return Error::validation(field + ".sku", "unknown SKU " + input.sku);
    const auto price_currency = input.unit_price_minor ? currency : product->currency;
    const auto given_price = input.unit_price_minor.value_or(product->price_minor);
    auto price = to_base_currency(given_price, price_currency, input.unit_price_minor ? "currency" : field + ".sku");
    if (!price.ok()) return price.error();
    auto line_total = bounded_line_total(input.quantity, *price, settings_.limits, field);
    if (!line_total.ok()) return line_total.error();
    if (price_currency != currency) {
      original_total.reset();
    } else if (original_total) {
      const auto line_original = checked_mul(input.quantity, given_price);
      original_total = line_original ? checked_add(*original_total, *line_original) : std::nullopt;
    }
    facts.lines.push_back({input.sku, product->category, input.quantity, *price});
    txn.lines.push_back({static_cast<std::int64_t>(i + 1), input.sku, product->name, product->category,
                         input.quantity, *price, 0});
  }
  auto total = bounded_purchase_total(facts.lines, settings_.limits);
  if (!total.ok()) return total.error();
  txn.currency = settings_.base_currency;
  txn.total_minor = *total;
  if (currency != settings_.base_currency) {
    txn.original_currency = currency;
    txn.original_total_minor = original_total;
    txn.fx_rate_nano = rate;
  }
  return facts;
}

Result<PurchaseOutcome> Loyalty::record_purchase(const PurchaseCommand& command, std::int64_t now) {
  if (auto when = check_purchase_time(command.occurred_at, now); !when.ok()) return when.error();
  if (!command.currency.empty() && !is_valid_currency_code(command.currency)) {
    return Error::validation("currency", "must be an ISO 4217 code");
  }
  // POS systems mostly name the customer by id: then one statement reads (and
  // on servers locks) the customer's status and account together.
  std::string customer_id = command.customer.id;
  if (customer_id.empty()) {
    auto customer = resolve_customer(command.customer);
    if (!customer.ok()) return customer.error();
    customer_id = customer->id;
  }
  sql::UsersRepository users(session_);
  auto owned = users.load_customer_account(customer_id);
  if (!owned || owned->role != "customer" || owned->status != "active") return customer_not_found();
  auto account = std::optional<sql::AccountRecord>(std::move(owned->account));
  ProgramReader program(session_, settings_.cache);
  if (!program.store_exists(command.store_id)) return Error::validation("store_id", "unknown store");
  sql::TransactionsRepository transactions(session_);
  if (!command.external_id.empty() && transactions.find_by_external_id(command.store_id, command.external_id)) {
    return Error{ErrorCode::conflict, "a purchase with this external_id was already recorded", "external_id"};
  }

  sql::TransactionRecord txn;
  auto priced = price_lines(command, txn);
  if (!priced.ok()) return priced.error();
  auto& facts = *priced;
  Offers offer_engine(session_, settings_);
  // Offers are looked up (once) only while some campaign is live.
  const auto applicable = program.has_live_campaigns() ? offer_engine.applicable(customer_id, command.occurred_at)
                                                       : std::vector<sql::CampaignOffer>{};
  const auto vouchers = offer_engine.discounts_for(applicable, facts.lines);
  if (!vouchers.empty()) {
    for (std::size_t i = 0; i < facts.lines.size(); ++i) txn.lines[i].unit_price_minor = facts.lines[i].unit_price_minor;
    txn.total_minor = *bounded_purchase_total(facts.lines, settings_.limits);  // lower than before: still bounded
  }
  const auto tiers = program.tiers();
  const auto current_tier = tier_by_code(tiers, account->tier_code);
  facts.tier_code = account->tier_code;
  facts.tier_multiplier_permille = current_tier ? current_tier->multiplier_permille : 1000;
  const auto rules = program.earning_rules();
  auto earned = compute_points(facts, rules);
  name_applied(earned.applied, rules, tiers);
  auto offers = offer_engine.bonuses_for(applicable, facts.lines, [&](const std::vector<PricedLine>& lines) {
    auto subset = facts;
    subset.lines = lines;
    return compute_points(subset, rules).points;
  });
  for (const auto& offer : offers) {
    // Saturates instead of wrapping; the limits check below refuses anything that large.
    earned.points = checked_add(earned.points, offer.points).value_or(std::numeric_limits<Points>::max());
    earned.applied.push_back({"offer", offer.offer_id, offer.points, offer.name, 0, {}});
  }
  for (const auto& voucher : vouchers) {
    earned.applied.push_back({"offer", voucher.offer_id, 0, voucher.name, voucher.discount_minor, {}});
    offers.push_back(voucher);
  }
  for (auto& reward : offer_engine.rewards_for(applicable, customer_id, facts.lines, now)) {
    earned.applied.push_back({"offer", reward.offer_id, 0, reward.name, 0, reward.voucher_code});
    offers.push_back(std::move(reward));
  }
  if (auto bounded = bounded_balance_after(account->points_balance, earned.points, settings_.limits, "lines");
      !bounded.ok()) {
    return bounded.error();
  }

  txn.id = new_id("txn");
  txn.customer_id = customer_id;
  txn.store_id = command.store_id;
  txn.external_id = command.external_id;
  txn.occurred_at = command.occurred_at;
  txn.points_earned = earned.points;
  txn.channel = command.channel;
  const std::int64_t earned_at = std::min(command.occurred_at, now);
  if (earned.points > 0) {
    txn.earn_entry_id = credit(session_, *account, LedgerKind::earn, earned.points, txn.id, "purchase", "", earned_at,
                               now, settings_.points_expiry_months)
                            .id;
  }
  if (txn.external_id.empty()) {
    transactions.insert(txn, now);
  } else if (!transactions.insert_unless_external_id_taken(txn, now)) {
    // Another process recorded it after the check above (its row made this wait).
    return Error{ErrorCode::conflict, "a purchase with this external_id was already recorded", "external_id"};
  }

  offer_engine.mark_redeemed(offers, txn.id, now);

  const auto spend = can_upgrade(tiers, account->tier_code)
                         ? transactions.qualifying_spend(customer_id, qualifying_window_start(now))
                         : MinorUnits{0};
  const auto new_tier = tier_after_purchase(tiers, account->tier_code, spend);
  if (new_tier) account->tier_code = new_tier->code;
  users.save_account(*account, now);

  PurchaseOutcome outcome;
  outcome.transaction_id = txn.id;
  outcome.customer_id = customer_id;
  outcome.points_earned = earned.points;
  outcome.balance_after = account->points_balance;
  outcome.tier = new_tier.value_or(Tier{});
  outcome.applied = earned.applied;
  outcome.currency = txn.currency;
  outcome.total_minor = txn.total_minor;
  return outcome;
}

Result<ReturnOutcome> Loyalty::record_return(const std::string& transaction_id,
                                             const std::vector<ReturnLineInput>& lines,
                                             std::optional<std::string> store_scope, std::int64_t now) {
  sql::TransactionsRepository transactions(session_);
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
  auto txn = sql::TransactionsRepository(session_).find(transaction_id);
  if (!txn) return Error{ErrorCode::not_found, "transaction not found", "transaction_id"};
  if (amount_minor <= 0) return Error::validation("amount_minor", "must be positive");
  const auto remaining = txn->total_minor - txn->returned_minor;
  if (remaining <= 0) return Error::conflict("this transaction was already returned in full");
  return reverse_returned_value(*txn, std::min(amount_minor, remaining), now);
}

// The points of `amount_minor` more of the transaction's value coming back,
// reversed from the ledger, and the return recorded.
Result<ReturnOutcome> Loyalty::reverse_returned_value(sql::TransactionRecord& txn, MinorUnits amount_minor,
                                                      std::int64_t now) {
  sql::TransactionsRepository transactions(session_);
  const auto points = points_to_reverse(txn.points_earned, txn.total_minor, txn.returned_minor, amount_minor);
  sql::UsersRepository users(session_);
  auto account = users.load_account(txn.customer_id);
  if (!account) return customer_not_found();
  std::string entry_id;
  if (points > 0) {
    if (auto bounded = bounded_balance_after(account->points_balance, -points, settings_.limits, "lines");
        !bounded.ok()) {
      return bounded.error();
    }
    sql::LedgerRepository ledger(session_);
    const auto plan = plan_reversal(account->points_balance, ledger.open_lots(account->customer_id), points,
                                    txn.earn_entry_id);
    ledger.consume(plan.consumed);
    entry_id = append_entry(session_, *account, LedgerKind::reverse, -points, plan.balance_after, txn.id, "return",
                            "", now)
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
  sql::CatalogRepository catalog(session_);
  auto reward = catalog.reward(reward_id);
  if (!reward) return Error{ErrorCode::not_found, "reward not found", "reward_id"};
  sql::UsersRepository users(session_);
  auto account = open_account(customer_id);
  if (!account.ok()) return account.error();
  sql::RedemptionsRepository redemptions(session_);
  auto allowed = check_redeemable(*reward, now, account->points_balance, redemptions.count_for(customer_id, reward_id));
  if (!allowed.ok()) return allowed.error();

  sql::LedgerRepository ledger(session_);
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
  for (int attempt = 0; attempt < max_voucher_attempts && (r.code.empty() || redemptions.code_taken(r.code));
       ++attempt) {
    r.code = voucher_code();
  }
  r.ledger_entry_id =
      append_entry(session_, *account, LedgerKind::redeem, -reward->points_cost, plan->balance_after, r.id, "reward",
                   "", now)
          .id;
  // Another process may have taken the last unit since `reward` was read.
  if (!catalog.decrement_stock(reward_id)) return Error::conflict("this reward is out of stock");
  redemptions.insert(r);
  users.save_account(*account, now);
  outcome.balance_after = account->points_balance;
  return outcome;
}

Result<sql::LedgerEntryRecord> Loyalty::adjust(const std::string& customer_id, Points points,
                                               const std::string& reason, const std::string& admin_id,
                                               std::int64_t now) {
  sql::UsersRepository users(session_);
  auto account = open_account(customer_id);
  if (!account.ok()) return account.error();
  if (points == 0) return Error::validation("points", "must not be zero");
  sql::LedgerEntryRecord entry;
  if (points > 0) {
    if (auto bounded = bounded_balance_after(account->points_balance, points, settings_.limits, "points");
        !bounded.ok()) {
      return bounded.error();
    }
    entry = credit(session_, *account, LedgerKind::adjust, points, "", reason, admin_id, now, now,
                   settings_.points_expiry_months);
  } else {
    sql::LedgerRepository ledger(session_);
    auto plan = plan_redemption(account->points_balance, ledger.open_lots(customer_id), -points);
    if (!plan.ok()) return Error{ErrorCode::insufficient_points, "the adjustment would take the balance below zero",
                                 "points"};
    ledger.consume(plan->consumed);
    entry = append_entry(session_, *account, LedgerKind::adjust, points, plan->balance_after, "", reason, admin_id,
                         now);
  }
  users.save_account(*account, now);
  return entry;
}

MaintenanceReport Loyalty::run_maintenance(std::int64_t now) {
  MaintenanceReport report;
  sql::LedgerRepository ledger(session_);
  sql::UsersRepository users(session_);
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
  const auto tiers = sql::CatalogRepository(session_).active_tiers();
  sql::TransactionsRepository transactions(session_);
  for (const auto& customer_id : users.accounts_due_for_tier_review(now, max_customers_per_maintenance_pass)) {
    auto account = users.load_account(customer_id);
    if (!account) continue;
    const auto tier = tier_at_anniversary(tiers, transactions.qualifying_spend(customer_id, qualifying_window_start(now)));
    if (tier) account->tier_code = tier->code;
    while (account->tier_anniversary_at <= now) account->tier_anniversary_at = add_months(account->tier_anniversary_at, 12);
    users.save_account(*account, now);
    report.tiers_reviewed += 1;
  }
  return report;
}

// Staff still see an erased customer's account (the ledger is kept for
// accounting); customer routes refuse closed accounts before they get here.
Result<AccountView> Loyalty::account_view(const std::string& customer_id, std::int64_t now) {
  auto account = sql::UsersRepository(session_).load_account(customer_id);
  if (!account) return customer_not_found();
  const auto tiers = ProgramReader(session_, settings_.cache).tiers();
  AccountView view;
  view.currency = settings_.base_currency;
  view.points_balance = account->points_balance;
  view.tier = tier_by_code(tiers, account->tier_code);
  const auto spend = sql::TransactionsRepository(session_).qualifying_spend(customer_id, qualifying_window_start(now));
  view.progress = progress_towards_next(tiers, account->tier_code, spend);
  view.points_expiring =
      sql::LedgerRepository(session_).expiring_points(customer_id, static_cast<int>(points_expiring_shown));
  return view;
}

}  // namespace patron::services
