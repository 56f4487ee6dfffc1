#pragma once
// The parts of a Stripe event (https://docs.stripe.com/api/events/object) the
// shop acts on, read from a body whose signature was already verified.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/money.h"
#include "domain/result.h"

namespace patron::services {

struct StripeEvent {
  std::string id;    // evt_…
  std::string type;  // checkout.session.completed, charge.refunded, …
  std::int64_t created = 0;
  std::string object_id;  // the session's cs_… or the charge's ch_…
  // checkout.session.*
  std::string payment_status;  // paid | unpaid | no_payment_required
  std::string checkout_id;     // metadata[checkout_id]: ours
  // both: a session's payment and a charge's
  std::string payment_intent;
  // charge.*
  MinorUnits amount_minor = 0;
  MinorUnits amount_refunded_minor = 0;  // cumulative over the charge's refunds
};

inline constexpr std::size_t max_stripe_id_length = 255;

// A validation error (field "body") when the body is not an event.
Result<StripeEvent> parse_stripe_event(std::string_view body);

}  // namespace patron::services
