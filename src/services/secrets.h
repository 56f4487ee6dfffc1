#pragma once
// Randomness and one-way hashing for identifiers, vouchers, tokens and
// passwords, all from libsodium's CSPRNG and primitives.
#include <string>
#include <string_view>

namespace patron::services {

// "cus_" + 9 base-36 digits of the creation time in ms + 12 random ones
// (62 bits): unguessable, and ids made later sort later, so each new row lands
// at the end of its primary-key index instead of on a random page (a batch of
// purchases then dirties a few pages where random ids dirtied hundreds).
std::string new_id(std::string_view prefix);
std::string random_digits(std::size_t count);
// Voucher codes avoid look-alike characters (0/O, 1/I) for reading at a till.
std::string voucher_code();
// 32 random bytes, URL-safe base64, for refresh tokens and API keys.
std::string random_token();
// SHA-256-class keyed-free hash (BLAKE2b) as hex: for tokens, keys, request bodies.
std::string hash_hex(std::string_view data);

// An encoded Argon2id hash: a type of its own so that a password and its hash
// cannot be passed for one another.
struct PasswordHash {
  std::string encoded;
};

std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& stored_hash);

}  // namespace patron::services
