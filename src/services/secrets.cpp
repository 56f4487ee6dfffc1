#include "services/secrets.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace patron::services {
namespace {

// OWASP's Argon2id floor (19 MiB, 2 passes): ~20 ms a hash on this class of
// machine, so logins stay fast while offline guessing stays expensive.
constexpr unsigned long long argon2_ops = 2;
constexpr std::size_t argon2_memory_bytes = 19u * 1024u * 1024u;

struct SodiumInit {
  SodiumInit() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
  }
};

void ensure_sodium() { static SodiumInit once; }

std::string random_from(std::string_view alphabet, std::size_t count) {
  ensure_sodium();
  std::string out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    out += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
  }
  return out;
}

}  // namespace

std::string new_id(std::string_view prefix) {
  return std::string(prefix) + "_" + random_from("abcdefghijklmnopqrstuvwxyz0123456789", 16);
}

std::string random_digits(std::size_t count) { return random_from("0123456789", count); }

std::string voucher_code() {
  const auto body = random_from("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 10);
  return "PTR-" + body.substr(0, 5) + "-" + body.substr(5);
}

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  std::vector<char> out(sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING));
  sodium_bin2base64(out.data(), out.size(), bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(out.data());
}

std::string hash_hex(std::string_view data) {
  ensure_sodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr,
                     0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), argon2_ops, argon2_memory_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verify_password(std::string_view password, const std::string& stored_hash) {
  ensure_sodium();
  if (stored_hash.size() >= crypto_pwhash_STRBYTES || stored_hash.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace patron::services
