#include "services/shop_webhooks.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "services/shop.h"
#include "storage/sql/transactions.h"

namespace patron::services {
namespace {

__extension__ using Wide = __int128;  // amounts × amounts exceed int64

bool completes_payment(const std::string& type) {
  return type == "checkout.session.completed" || type == "checkout.session.async_payment_succeeded";
}

// The part of the transaction's total that `refunded` of `charged` stands for
// (the two differ when an offer's voucher lowered the recorded lines).
MinorUnits share_of(MinorUnits transaction_total, MinorUnits refunded, MinorUnits charged) {
  if (charged <= 0) return 0;
  return static_cast<MinorUnits>(Wide(transaction_total) * std::min(refunded, charged) / charged);
}

}  // namespace

Result<WebhookOutcome> ShopWebhooks::apply(const StripeEvent& event, std::int64_t now) {
  auto& repository = session_.stores().shop();
  if (repository.event_seen(event.id)) return WebhookOutcome{"duplicate"};
  sql::StripeEventRecord record{event.id,
                                event.type,
                                event.object_id,
                                event.payment_intent,
                                event.amount_minor,
                                event.amount_refunded_minor,
                                "processing",
                                event.created,
                                now};
  // Claimed first: on a database server a second process given the same event
  // waits on this row, then fails and is answered 503; Stripe's retry is then a duplicate.
  repository.insert_event(record);
  std::string outcome = "ignored";
  if (completes_payment(event.type)) {
    outcome = complete_session(event, now);
  } else if (event.type == "charge.refunded") {
    outcome = refund_charge(event, now);
  }
  repository.set_event_outcome(event.id, outcome);
  return WebhookOutcome{outcome};
}

std::string ShopWebhooks::complete_session(const StripeEvent& event, std::int64_t now) {
  auto& repository = session_.stores().shop();
  auto checkout = repository.checkout_by_session(event.object_id);
  if (!checkout && !event.checkout_id.empty()) checkout = repository.checkout_by_id(event.checkout_id);
  if (!checkout) {
    spdlog::warn("Stripe event {} ({}) names session {}, which this shop did not make: acknowledged, nothing changed",
                 event.id, event.type, event.object_id);
    return "unknown_session";
  }
  if (event.payment_status != "paid") return "ignored";  // an async payment: its success event follows
  if (checkout->status != "open") return "duplicate";

  PurchaseCommand command;
  command.customer.id = checkout->customer_id;
  command.store_id = session_.stores().catalog().store_id_by_code(online_store_code).value_or("");
  command.occurred_at = event.created > 0 ? std::min(event.created, now) : now;
  command.currency = checkout->currency;
  command.external_id = checkout->session_id;
  command.channel = "online";
  for (const auto& line : lines_from_json(checkout->lines_json)) {
    command.lines.push_back({line.sku, line.quantity, line.unit_price_minor});
  }
  const auto purchase = sql::kept_if_ok(session_, "stripe_purchase",
                                        [&] { return Loyalty(session_, settings_).record_purchase(command, now); });
  checkout->payment_intent = event.payment_intent;
  checkout->updated_at = now;
  if (!purchase.ok()) {
    // Paid but not recordable (the account was closed, a bound was passed):
    // kept for staff, acknowledged so that Stripe stops retrying.
    spdlog::error("Stripe session {} was paid but its purchase could not be recorded: {} ({})", checkout->session_id,
                  purchase.error().message, to_string(purchase.error().code));
    checkout->status = "failed";
    checkout->failure = purchase.error().message.substr(0, 255);
    repository.save_checkout(*checkout);
    return "failed";
  }
  checkout->status = "paid";
  checkout->transaction_id = purchase->transaction_id;
  checkout->points_earned = purchase->points_earned;
  repository.save_checkout(*checkout);
  // Refunds that came first, now that the payment intent is known.
  for (const auto& pending : repository.pending_refunds(checkout->payment_intent)) {
    apply_refund(*checkout, pending.amount_refunded_minor, pending.amount_minor, now);
    repository.set_event_outcome(pending.id, "applied");
  }
  return "applied";
}

std::string ShopWebhooks::refund_charge(const StripeEvent& event, std::int64_t now) {
  auto& repository = session_.stores().shop();
  auto checkout = repository.checkout_by_payment_intent(event.payment_intent);
  if (!checkout || checkout->status != "paid") {
    spdlog::info("Stripe refund {} for payment {} precedes its session's completion (or names none of ours): kept",
                 event.id, event.payment_intent);
    return "pending";
  }
  apply_refund(*checkout, event.amount_refunded_minor, event.amount_minor, now);
  return "applied";
}

void ShopWebhooks::apply_refund(CheckoutRecord& checkout, MinorUnits amount_refunded, MinorUnits charge_amount,
                                std::int64_t now) {
  if (amount_refunded <= checkout.refunded_minor) return;  // already applied (cumulative amounts)
  const auto charged = charge_amount > 0 ? charge_amount : checkout.amount_total_minor;
  auto txn = session_.stores().transactions().find(checkout.transaction_id);
  if (txn) {
    const auto amount = share_of(txn->total_minor, amount_refunded, charged) -
                        share_of(txn->total_minor, checkout.refunded_minor, charged);
    if (amount > 0) {
      const auto refund = sql::kept_if_ok(session_, "stripe_refund",
                                          [&] { return Loyalty(session_, settings_).record_refund(txn->id, amount, now); });
      if (!refund.ok()) {
        spdlog::warn("refund of Stripe session {} reversed nothing: {}", checkout.session_id, refund.error().message);
      }
    }
  }
  checkout.refunded_minor = std::min(amount_refunded, charged);
  checkout.updated_at = now;
  session_.stores().shop().save_checkout(checkout);
}

}  // namespace patron::services
