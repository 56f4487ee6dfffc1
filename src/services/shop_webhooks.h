#pragma once
// What a verified Stripe event does to the shop, in the write transaction:
//  - checkout.session.completed (or .async_payment_succeeded) with
//    payment_status "paid" records the checkout's lines, at the prices charged,
//    as a purchase of the online store through Loyalty::record_purchase (so
//    earning rules, offers, limits and tiers apply), with the session id as
//    its external_id: points are awarded once however often Stripe delivers.
//  - charge.refunded reverses the refunded share of those points, as a return
//    does (Loyalty::record_refund). Stripe's amount_refunded is cumulative, so
//    the checkout keeps how much was applied and only the difference counts:
//    a replay, or an older refund event arriving after a newer one, moves
//    nothing. A refund that arrives before its session's completion is kept
//    as 'pending' and applied when the completion lands.
//  - every event is stored by its id; a second delivery is acknowledged and
//    changes nothing. An event for a session the shop never made is
//    acknowledged and logged, as are types the shop does not use.
#include <string>

#include "domain/result.h"
#include "services/loyalty.h"
#include "services/session.h"
#include "services/stripe_events.h"
#include "domain/records.h"

namespace patron::services {

struct WebhookOutcome {
  std::string outcome;  // applied | pending | ignored | unknown_session | failed | duplicate
};

class ShopWebhooks {
 public:
  ShopWebhooks(Session session, ProgramSettings settings) : session_(session), settings_(std::move(settings)) {}

  // Errors only for the database: the event is then not stored, and Stripe
  // delivers it again.
  Result<WebhookOutcome> apply(const StripeEvent& event, std::int64_t now);

 private:
  std::string complete_session(const StripeEvent& event, std::int64_t now);
  std::string refund_charge(const StripeEvent& event, std::int64_t now);
  void apply_refund(CheckoutRecord& checkout, MinorUnits amount_refunded, MinorUnits charge_amount,
                    std::int64_t now);

  Session session_;
  ProgramSettings settings_;
};

}  // namespace patron::services
