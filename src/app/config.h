#pragma once
// Configuration from the environment, with an optional .env file filling in
// what the environment leaves unset. The seed's variable names keep working.
#include <optional>
#include <string>

#include "domain/limits.h"

namespace patron::app {

struct Config {
  int port = 3001;
  std::string bind_address = "0.0.0.0";
  std::string database_url = "sqlite://var/patron.db";
  std::string document_store = "rocksdb://var/documents";
  std::string jwt_secret;
  std::string jwt_secret_previous;  // verifies tokens only, during a key rotation; empty when none
  bool jwt_secret_generated = false;  // the dev path: written to var/jwt_secret
  int points_expiry_months = 12;
  std::string base_currency = "USD";  // the program's currency; others convert at staff-set rates
  ProgramLimits limits;               // named bounds on amounts, points and balances
  int max_purchase_age_days = 400;    // how far back a purchase's occurred_at may lie
  int http_threads = 2;
  int database_pool_size = 8;  // read sessions per process; the writer has one more
  std::string web_root = "web/dist";
  std::string openapi_path = "docs/openapi.yaml";
  std::string lexicon_path;  // AFINN-165 TSV; empty means the one the build generated
  std::string metrics_token;  // METRICS_TOKEN: bearer token for /metrics from non-loopback clients
  std::string stripe_secret_key, stripe_webhook_secret, mongo_uri;
  std::string stripe_api_base = "https://api.stripe.com";  // STRIPE_API_BASE: Stripe's API origin, without /v1
  int stripe_timeout_seconds = 15;                         // STRIPE_TIMEOUT_SECONDS: one Stripe call at most
  // Password reset e-mails (issue 16): SMTP_URL (empty: none are sent), SMTP_FROM,
  // PUBLIC_URL (the portal's origin in links; http://localhost:PORT by default)
  // and PASSWORD_RESET_TTL_SECONDS (30 minutes).
  std::string smtp_url, smtp_from = "Patron <no-reply@patron.local>", public_url;
  int password_reset_ttl_seconds = 30 * 60;
};

// Loads `.env` (if present) into the environment without overriding it.
void load_dotenv(const std::string& path = ".env");

// Reads the configuration; throws std::runtime_error with a helpful message.
Config load_config();

// For `make run`: JWT_SECRET unset -> a random one kept in var/jwt_secret.
void ensure_dev_jwt_secret(Config& config, const std::string& path = "var/jwt_secret");

inline constexpr std::size_t min_jwt_secret_bytes = 32;

}  // namespace patron::app
