#include "services/stripe_signature.h"

#include <sodium.h>

#include <charconv>
#include <stdexcept>
#include <vector>

namespace patron::services {
namespace {

constexpr std::size_t hmac_hex_length = 2 * crypto_auth_hmacsha256_BYTES;
constexpr std::size_t max_timestamp_digits = 12;

Error refused(std::string message) { return Error::validation("Stripe-Signature", std::move(message)); }

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialize");
}

bool is_lower_hex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

struct ParsedHeader {
  std::int64_t timestamp = 0;
  bool has_timestamp = false;
  std::vector<std::string_view> v1;
};

Result<ParsedHeader> parse_header(std::string_view header) {
  if (header.empty()) return refused("the Stripe-Signature header is missing");
  if (header.size() > max_stripe_signature_header_bytes) return refused("the Stripe-Signature header is too long");
  ParsedHeader parsed;
  while (!header.empty()) {
    const auto comma = header.find(',');
    auto item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos) continue;
    const auto key = item.substr(0, equals), value = item.substr(equals + 1);
    if (key == "t" && !parsed.has_timestamp) {
      if (value.empty() || value.size() > max_timestamp_digits) return refused("the timestamp t is malformed");
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed.timestamp);
      if (ec != std::errc{} || end != value.data() + value.size()) return refused("the timestamp t is malformed");
      parsed.has_timestamp = true;
    } else if (key == "v1") {
      if (static_cast<int>(parsed.v1.size()) >= max_stripe_signatures) return refused("too many v1 signatures");
      parsed.v1.push_back(value);
    }
  }
  if (!parsed.has_timestamp) return refused("the Stripe-Signature header has no timestamp t");
  if (parsed.v1.empty()) return refused("the Stripe-Signature header has no v1 signature");
  return parsed;
}

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  ensure_sodium();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[hmac_hex_length + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string(hex, hmac_hex_length);
}

Status verify_stripe_signature(std::string_view header, std::string_view payload, std::string_view secret,
                               std::int64_t now, std::int64_t tolerance_seconds) {
  if (secret.empty()) return refused("no webhook secret is configured");
  auto parsed = parse_header(header);
  if (!parsed.ok()) return parsed.error();
  std::string signed_payload = std::to_string(parsed->timestamp);
  signed_payload += '.';
  signed_payload += payload;
  const auto expected = hmac_sha256_hex(secret, signed_payload);
  bool matched = false;
  for (const auto candidate : parsed->v1) {
    // Every candidate is compared, in constant time, whatever an earlier one gave.
    const bool well_formed = candidate.size() == hmac_hex_length && is_lower_hex(candidate);
    const bool equal = well_formed && sodium_memcmp(candidate.data(), expected.data(), hmac_hex_length) == 0;
    matched = matched || equal;
  }
  if (!matched) return refused("no v1 signature matches the payload");
  const auto age = now - parsed->timestamp;
  if (age > tolerance_seconds || age < -tolerance_seconds) {
    return refused("the signature's timestamp is outside the tolerance of " + std::to_string(tolerance_seconds) + " s");
  }
  return ok_status();
}

}  // namespace patron::services
