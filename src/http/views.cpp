#include "http/views.h"

#include "domain/money.h"
#include "domain/rewards.h"
#include "http/api.h"
#include "http/body_reader.h"

namespace patron::http {

Json profile_json(const UserRecord& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"phone", user.phone},
          {"role", user.role},
          {"card_number", user.card_number},
          {"marketing_opt_in", user.marketing_opt_in},
          {"created_at", format_rfc3339(user.created_at)}};
}

Json account_json(const services::AccountView& view) {
  Json tier = nullptr;
  if (view.tier) {
    tier = {{"code", view.tier->code},
            {"name", view.tier->name},
            {"multiplier", static_cast<double>(view.tier->multiplier_permille) / 1000.0}};
  }
  Json next = nullptr;
  if (view.progress.next_tier) {
    next = {{"code", view.progress.next_tier->code},
            {"name", view.progress.next_tier->name},
            {"threshold_minor", view.progress.next_tier->threshold_minor},
            {"multiplier", static_cast<double>(view.progress.next_tier->multiplier_permille) / 1000.0}};
  }
  Json expiring = Json::array();
  for (const auto& e : view.points_expiring) {
    expiring.push_back({{"points", e.points}, {"expires_at", format_rfc3339(e.expires_at)}});
  }
  return {{"points_balance", view.points_balance},
          {"tier", tier},
          {"tier_progress",
           {{"qualifying_spend", view.progress.qualifying_spend_minor},
            {"currency", view.currency},
            {"next_tier", next},
            {"remaining_spend", view.progress.remaining_spend_minor}}},
          {"points_expiring", expiring}};
}

namespace {

// What the till sent when it was not the base currency; null otherwise.
Json original_amount_json(const TransactionRecord& txn) {
  if (txn.original_currency.empty()) return nullptr;
  return {{"currency", txn.original_currency},
          {"total_minor", txn.original_total_minor ? Json(*txn.original_total_minor) : Json(nullptr)},
          {"rate", txn.fx_rate_nano ? Json(format_rate(*txn.fx_rate_nano)) : Json(nullptr)}};
}

}  // namespace

Json transaction_json(const TransactionRecord& txn) {
  Json lines = Json::array();
  for (const auto& line : txn.lines) {
    lines.push_back({{"sku", line.sku},
                     {"name", line.name},
                     {"quantity", line.quantity},
                     {"unit_price_minor", line.unit_price_minor},
                     {"returned_quantity", line.returned_quantity}});
  }
  return {{"id", txn.id},
          {"occurred_at", format_rfc3339(txn.occurred_at)},
          {"store_id", txn.store_id},
          {"external_id", txn.external_id.empty() ? Json(nullptr) : Json(txn.external_id)},
          {"total_minor", txn.total_minor},
          {"returned_minor", txn.returned_minor},
          {"currency", txn.currency},
          {"points_earned", txn.points_earned},
          {"points_reversed", txn.points_reversed},
          {"lines", lines},
          {"status", txn.status},
          {"channel", txn.channel},
          {"original", original_amount_json(txn)}};
}

Json transactions_page_json(const Page<TransactionRecord>& page,
                            const std::map<std::string, std::string>& store_names) {
  return page_json(page, [&](const TransactionRecord& txn) {
    auto item = transaction_json(txn);
    auto name = store_names.find(txn.store_id);
    item["store_name"] = name == store_names.end() ? Json(nullptr) : Json(name->second);
    return item;
  });
}

Json ledger_entry_json(const LedgerEntryRecord& e) {
  return {{"id", e.id},
          {"occurred_at", format_rfc3339(e.occurred_at)},
          {"kind", e.kind},
          {"points", e.points},
          {"balance_after", e.balance_after},
          {"reference", e.reference.empty() ? Json(nullptr) : Json(e.reference)},
          {"reason", e.reason.empty() ? Json(nullptr) : Json(e.reason)},
          {"reward_name", e.reward_name.empty() ? Json(nullptr) : Json(e.reward_name)}};
}

Json redemption_json_at(const RedemptionRecord& r, std::int64_t now) {
  return {{"id", r.id},
          {"reward_id", r.reward_id},
          {"reward_name", r.reward_name},
          {"points", r.points},
          {"code", r.code},
          {"created_at", format_rfc3339(r.created_at)},
          {"expires_at", r.expires_at ? Json(format_rfc3339(*r.expires_at)) : Json(nullptr)},
          {"status", voucher_status_name(voucher_status(r.expires_at, now))}};
}

Json redemption_json(const RedemptionRecord& r) { return redemption_json_at(r, Api::now()); }

}  // namespace patron::http
