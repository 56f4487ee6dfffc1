#pragma once
// The adapter to Stripe's REST API (libcurl): creates Checkout Sessions. It
// speaks Stripe's wire format (form-encoded bodies, `Authorization: Bearer`,
// an `Idempotency-Key` per session so a retried call never makes a second
// one) and turns every failure (no connection, a timeout, a 4xx or 5xx) into a
// GatewayFailure value that the HTTP layer answers as 502, 503 or 504. Every
// call is bounded in time (connect and total timeouts) and in reply size.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace patron::services {

inline constexpr int default_stripe_timeout_seconds = 15;
// Below the server's 30 s request timeout, so a slow Stripe gets a clear 504.
inline constexpr int max_stripe_timeout_seconds = 25;
inline constexpr int stripe_connect_timeout_seconds = 5;
inline constexpr std::size_t max_stripe_reply_bytes = 1 << 20;

struct StripeSettings {
  std::string secret_key;      // STRIPE_SECRET_KEY: sk_test_… or sk_live_…
  std::string webhook_secret;  // STRIPE_WEBHOOK_SECRET: whsec_…
  std::string api_base = "https://api.stripe.com";  // STRIPE_API_BASE, without /v1
  int timeout_seconds = default_stripe_timeout_seconds;
  bool checkout_enabled() const { return !secret_key.empty(); }
};

struct CheckoutLineItem {
  std::string name;
  std::int64_t unit_amount = 0;  // minor units of the session's currency
  std::int64_t quantity = 0;
};

struct CheckoutSessionRequest {
  std::string idempotency_key;
  std::string currency;  // ISO 4217, sent lower-case
  std::string customer_id, checkout_id, customer_email;
  std::string success_url, cancel_url;
  std::vector<CheckoutLineItem> lines;
};

struct CheckoutSession {
  std::string id;   // cs_…
  std::string url;  // where the customer pays
};

struct GatewayFailure {
  int status = 502;  // 502 refused or unreadable, 503 unreachable or busy, 504 timed out
  std::string code;  // payment_provider_error | payment_provider_unavailable | payment_provider_timeout
  std::string message;
};

using CheckoutSessionResult = std::variant<CheckoutSession, GatewayFailure>;

// application/x-www-form-urlencoded, as Stripe reads it: values percent-encoded,
// the brackets of nested keys (line_items[0][quantity]) left as they are.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);
// The fields of a Checkout Session in payment mode for `request`.
std::vector<std::pair<std::string, std::string>> checkout_session_fields(const CheckoutSessionRequest& request);

class StripeClient {
 public:
  explicit StripeClient(StripeSettings settings);
  const StripeSettings& settings() const { return settings_; }
  // POST /v1/checkout/sessions. Blocks for at most the configured timeout.
  CheckoutSessionResult create_checkout_session(const CheckoutSessionRequest& request) const;

 private:
  StripeSettings settings_;
};

}  // namespace patron::services
