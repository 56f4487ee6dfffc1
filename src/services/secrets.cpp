#include "services/secrets.h"

#include <sodium.h>

#include <chrono>
#include <cstdint>
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

constexpr std::string_view base36 = "0123456789abcdefghijklmnopqrstuvwxyz";

// One CSPRNG call per string (libsodium reads the kernel's generator on each
// call); bytes at or above the largest multiple of the alphabet's size are
// skipped so that every character stays equally likely.
std::string random_from(std::string_view alphabet, std::size_t count) {
  ensure_sodium();
  const auto size = static_cast<unsigned>(alphabet.size());
  const unsigned limit = 256u - 256u % size;
  std::string out;
  out.reserve(count);
  unsigned char bytes[64];
  while (out.size() < count) {
    randombytes_buf(bytes, sizeof bytes);
    for (unsigned char byte : bytes) {
      if (byte >= limit) continue;
      out += alphabet[byte % size];
      if (out.size() == count) break;
    }
  }
  return out;
}

// Milliseconds since the epoch in nine base-36 digits (enough until 5138).
std::string time_prefix() {
  auto ms = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count());
  std::string out(9, '0');
  for (auto it = out.rbegin(); it != out.rend() && ms > 0; ++it, ms /= 36) *it = base36[ms % 36];
  return out;
}

}  // namespace

std::string new_id(std::string_view prefix) {
  return std::string(prefix) + "_" + time_prefix() + random_from(base36, 12);
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
