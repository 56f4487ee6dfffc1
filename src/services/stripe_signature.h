#pragma once
// Stripe webhook signatures, checked exactly as Stripe documents them
// (https://docs.stripe.com/webhooks#verify-manually): the `Stripe-Signature`
// header carries `t=<unix seconds>` and one or more `v1=<hex>` values; each v1
// is HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret (the
// whole `whsec_…` string). A signature counts when any v1 matches (compared in
// constant time) and t lies within the tolerance of the server's clock; any
// other scheme (v0) is ignored. The raw body is checked before it is parsed.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace patron::services {

inline constexpr std::int64_t stripe_signature_tolerance_seconds = 300;
// Bounds on what the header may hold: Stripe sends one t and a v1 per active
// secret (two during a secret's rotation).
inline constexpr std::size_t max_stripe_signature_header_bytes = 4096;
inline constexpr int max_stripe_signatures = 16;

// HMAC-SHA256 of `message` under `key`, as lower-case hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// ok when `header` holds a v1 signature of `payload` made with `secret` at a
// time within `tolerance_seconds` of `now`; otherwise a validation error on
// the field "Stripe-Signature" saying why.
Status verify_stripe_signature(std::string_view header, std::string_view payload, std::string_view secret,
                               std::int64_t now, std::int64_t tolerance_seconds = stripe_signature_tolerance_seconds);

}  // namespace patron::services
