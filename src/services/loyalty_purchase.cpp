// services::Loyalty's purchases: each line priced in the base currency from
// the catalog or the till, bounded, the points of rules, tiers and offers
// earned once, the tier upgraded on qualifying spend.
#include <algorithm>
#include <limits>

#include "domain/checked.h"
#include "services/loyalty.h"
#include "services/loyalty_parts.h"
#include "services/offers.h"
#include "services/secrets.h"
#include "storage/sql/transactions.h"

namespace patron::services {

using namespace loyalty_parts;

namespace {

// The offers a purchase may use, and the percent-off vouchers already taken off its lines.
struct OfferContext {
  const std::vector<offers::CampaignOffer>& applicable;
  const std::vector<AppliedOffer>& vouchers;
  const std::string& customer_id;
  std::int64_t now;
};

// Adds the offers' bonus points, the vouchers' discounts and the free rewards
// to what the rules earned; returns every offer the purchase used.
std::vector<AppliedOffer> add_offers(Offers& engine, const OfferContext& context, const PurchaseFacts& facts,
                                     const std::vector<EarningRule>& rules, EarningResult& earned) {
  auto used = engine.bonuses_for(context.applicable, facts.lines, [&](const std::vector<PricedLine>& lines) {
    auto subset = facts;
    subset.lines = lines;
    return compute_points(subset, rules).points;
  });
  for (const auto& offer : used) {
    // Saturates instead of wrapping; the caller's limits check refuses anything that large.
    earned.points = checked_add(earned.points, offer.points).value_or(std::numeric_limits<Points>::max());
    earned.applied.push_back({"offer", offer.offer_id, offer.points, offer.name, 0, {}});
  }
  for (const auto& voucher : context.vouchers) {
    earned.applied.push_back({"offer", voucher.offer_id, 0, voucher.name, voucher.discount_minor, {}});
    used.push_back(voucher);
  }
  for (auto& reward : engine.rewards_for(context.applicable, context.customer_id, facts.lines, context.now)) {
    earned.applied.push_back({"offer", reward.offer_id, 0, reward.name, 0, reward.voucher_code});
    used.push_back(std::move(reward));
  }
  return used;
}

PurchaseOutcome outcome_of(const TransactionRecord& txn, const EarningResult& earned, Points balance_after,
                           const std::optional<Tier>& new_tier) {
  PurchaseOutcome outcome;
  outcome.transaction_id = txn.id;
  outcome.customer_id = txn.customer_id;
  outcome.points_earned = earned.points;
  outcome.balance_after = balance_after;
  outcome.tier = new_tier.value_or(Tier{});
  outcome.applied = earned.applied;
  outcome.currency = txn.currency;
  outcome.total_minor = txn.total_minor;
  return outcome;
}

}  // namespace

Status Loyalty::check_purchase_time(std::int64_t occurred_at, std::int64_t now) const {
  if (occurred_at > now + max_clock_skew_seconds) {
    return Error::validation("occurred_at", "is more than 5 minutes in the future");
  }
  const std::int64_t oldest = now - std::int64_t{settings_.max_purchase_age_days} * 86'400;
  if (occurred_at < oldest) {
    return Error::validation("occurred_at",
                             "is more than " + std::to_string(settings_.max_purchase_age_days) + " days in the past");
  }
  return ok_status();
}

Result<MinorUnits> Loyalty::to_base_currency(MinorUnits amount, const std::string& currency, const std::string& field) {
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
Result<PurchaseFacts> Loyalty::price_lines(const PurchaseCommand& command, TransactionRecord& txn) {
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
    txn.lines.push_back(
        {static_cast<std::int64_t>(i + 1), input.sku, product->name, product->category, input.quantity, *price, 0});
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

// POS systems mostly name the customer by id: then one statement reads (and
// on servers locks) the customer's status and account together.
Result<AccountRecord> Loyalty::purchasing_account(const CustomerRef& customer) {
  std::string customer_id = customer.id;
  if (customer_id.empty()) {
    auto found = resolve_customer(customer);
    if (!found.ok()) return found.error();
    customer_id = found->id;
  }
  auto owned = session_.stores().users().load_customer_account(customer_id);
  if (!owned || owned->role != "customer" || owned->status != "active") return customer_not_found();
  return std::move(owned->account);
}

// The transaction row and its earn entry (which opens a lot); a conflict when
// another process recorded the same external_id after record_purchase checked.
Status Loyalty::store_purchase(TransactionRecord& txn, const PurchaseCommand& command, AccountRecord& account,
                               Points points, std::int64_t now) {
  txn.id = new_id("txn");
  txn.customer_id = account.customer_id;
  txn.store_id = command.store_id;
  txn.external_id = command.external_id;
  txn.occurred_at = command.occurred_at;
  txn.points_earned = points;
  txn.channel = command.channel;
  const std::int64_t earned_at = std::min(command.occurred_at, now);
  if (points > 0) {
    txn.earn_entry_id = credit(session_, account, LedgerKind::earn, points, txn.id, "purchase", "", earned_at, now,
                               settings_.points_expiry_months)
                            .id;
  }
  if (!session_.stores().transactions().insert(txn, now)) {
    return Error{ErrorCode::conflict, "a purchase with this external_id was already recorded", "external_id"};
  }
  return ok_status();
}

Result<PurchaseOutcome> Loyalty::record_purchase(const PurchaseCommand& command, std::int64_t now) {
  if (auto when = check_purchase_time(command.occurred_at, now); !when.ok()) return when.error();
  if (!command.currency.empty() && !is_valid_currency_code(command.currency)) {
    return Error::validation("currency", "must be an ISO 4217 code");
  }
  auto account = purchasing_account(command.customer);
  if (!account.ok()) return account.error();
  const std::string customer_id = account->customer_id;
  ProgramReader program(session_, settings_.cache);
  if (!program.store_exists(command.store_id)) return Error::validation("store_id", "unknown store");
  auto& transactions = session_.stores().transactions();
  if (!command.external_id.empty() && transactions.find_by_external_id(command.store_id, command.external_id)) {
    return Error{ErrorCode::conflict, "a purchase with this external_id was already recorded", "external_id"};
  }

  TransactionRecord txn;
  auto priced = price_lines(command, txn);
  if (!priced.ok()) return priced.error();
  auto& facts = *priced;
  Offers offer_engine(session_, settings_);
  // Offers are looked up (once) only while some campaign is live.
  const auto applicable = program.has_live_campaigns() ? offer_engine.applicable(customer_id, command.occurred_at)
                                                       : std::vector<offers::CampaignOffer>{};
  const auto vouchers = offer_engine.discounts_for(applicable, facts.lines);
  if (!vouchers.empty()) {
    for (std::size_t i = 0; i < facts.lines.size(); ++i)
      txn.lines[i].unit_price_minor = facts.lines[i].unit_price_minor;
    txn.total_minor = *bounded_purchase_total(facts.lines, settings_.limits);  // lower than before: still bounded
  }
  const auto tiers = program.tiers();
  const auto current_tier = tier_by_code(tiers, account->tier_code);
  facts.tier_code = account->tier_code;
  facts.tier_multiplier_permille = current_tier ? current_tier->multiplier_permille : 1000;
  const auto rules = program.earning_rules();
  auto earned = compute_points(facts, rules);
  name_applied(earned.applied, rules, tiers);
  auto offers = add_offers(offer_engine, {applicable, vouchers, customer_id, now}, facts, rules, earned);
  if (auto bounded = bounded_balance_after(account->points_balance, earned.points, settings_.limits, "lines");
      !bounded.ok()) {
    return bounded.error();
  }

  if (auto stored = store_purchase(txn, command, *account, earned.points, now); !stored.ok()) return stored.error();
  offer_engine.mark_redeemed(offers, txn.id, now);

  const auto spend = can_upgrade(tiers, account->tier_code)
                         ? transactions.qualifying_spend(customer_id, qualifying_window_start(now))
                         : MinorUnits{0};
  const auto new_tier = tier_after_purchase(tiers, account->tier_code, spend);
  if (new_tier) account->tier_code = new_tier->code;
  session_.stores().users().save_account(*account, now);
  return outcome_of(txn, earned, account->points_balance, new_tier);
}

std::vector<Result<PurchaseOutcome>> Loyalty::record_purchases_each(
    const std::vector<Result<PurchaseCommand>>& commands, std::int64_t now) {
  std::vector<Result<PurchaseOutcome>> outcomes;
  outcomes.reserve(commands.size());
  for (const auto& command : commands) {
    if (!command.ok()) {
      outcomes.emplace_back(command.error());
      continue;
    }
    outcomes.push_back(sql::kept_if_ok(session_, "batch_item", [&] { return record_purchase(*command, now); }));
  }
  return outcomes;
}

}  // namespace patron::services
