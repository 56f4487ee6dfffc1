#include "app/config.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "domain/money.h"
#include "services/secrets.h"
#include "storage/sql/database.h"

namespace patron::app {
namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

int env_int(const char* name, int fallback, int min, int max) {
  auto value = env(name);
  if (!value) return fallback;
  try {
    std::size_t used = 0;
    int n = std::stoi(*value, &used);
    if (used == value->size() && n >= min && n <= max) return n;
  } catch (const std::exception&) {
  }
  throw std::runtime_error(std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
                           std::to_string(max));
}

std::int64_t env_int64(const char* name, std::int64_t fallback, std::int64_t min, std::int64_t max) {
  auto value = env(name);
  if (!value) return fallback;
  try {
    std::size_t used = 0;
    const long long n = std::stoll(*value, &used);
    if (used == value->size() && n >= min && n <= max) return n;
  } catch (const std::exception&) {
  }
  throw std::runtime_error(std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
                           std::to_string(max));
}

ProgramLimits limits_from_env() {
  ProgramLimits limits;
  limits.max_purchase_total_minor =
      env_int64("MAX_PURCHASE_TOTAL_MINOR", limits.max_purchase_total_minor, 1, ceiling_purchase_total_minor);
  limits.max_line_total_minor = env_int64("MAX_LINE_TOTAL_MINOR", std::min(limits.max_line_total_minor,
                                                                           limits.max_purchase_total_minor),
                                          1, limits.max_purchase_total_minor);
  limits.max_points_per_transaction =
      env_int64("MAX_POINTS_PER_TRANSACTION", limits.max_points_per_transaction, 1, ceiling_points_per_transaction);
  limits.max_points_balance = env_int64("MAX_POINTS_BALANCE", limits.max_points_balance, 1, ceiling_points_balance);
  return limits;
}

std::string currency_from_env() {
  auto code = env("PROGRAM_CURRENCY").value_or("USD");
  if (!is_valid_currency_code(code)) throw std::runtime_error("PROGRAM_CURRENCY must be an ISO 4217 code such as USD");
  return code;
}

// The seed selected MySQL through MYSQL_DB_*; honour that when DATABASE_URL is unset.
std::optional<std::string> mysql_url_from_seed_variables() {
  auto name = env("MYSQL_DB_NAME");
  if (!name) return std::nullopt;
  // Escaped, so a password holding '@', ':' or '/' survives the URL.
  return "mysql://" + sql::percent_encode(env("MYSQL_DB_USER").value_or("root")) + ":" +
         sql::percent_encode(env("MYSQL_DB_PASSWORD").value_or("")) + "@" + env("MYSQL_DB_HOST").value_or("127.0.0.1") +
         ":" + env("MYSQL_DB_PORT").value_or("3306") + "/" + sql::percent_encode(*name);
}

}  // namespace

void load_dotenv(const std::string& path) {
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    auto key = line.substr(0, eq);
    auto value = line.substr(eq + 1);
    if (key.rfind("export ", 0) == 0) key = key.substr(7);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    setenv(key.c_str(), value.c_str(), 0);
  }
}

Config load_config() {
  Config config;
  config.port = env_int("PORT", 3001, 1, 65535);
  config.bind_address = env("BIND_ADDRESS").value_or("0.0.0.0");
  config.database_url = env("DATABASE_URL").value_or(mysql_url_from_seed_variables().value_or(config.database_url));
  config.mongo_uri = env("MONGO_URI").value_or("");
  config.document_store = env("DOCUMENT_STORE").value_or(config.mongo_uri.empty() ? config.document_store : config.mongo_uri);
  config.jwt_secret = env("JWT_SECRET").value_or("");
  config.jwt_secret_previous = env("JWT_SECRET_PREVIOUS").value_or("");
  config.points_expiry_months = env_int("POINTS_EXPIRY_MONTHS", 12, 1, 120);
  config.base_currency = currency_from_env();
  config.limits = limits_from_env();
  config.max_purchase_age_days = env_int("MAX_PURCHASE_AGE_DAYS", config.max_purchase_age_days, 1, 3660);
  config.http_threads = env_int("HTTP_THREADS", 2, 1, 64);
  config.database_pool_size = env_int("DATABASE_POOL_SIZE", config.database_pool_size, 1, 256);
  config.web_root = env("PATRON_WEB_ROOT").value_or(config.web_root);
  config.metrics_token = env("METRICS_TOKEN").value_or("");
  config.openapi_path = env("PATRON_OPENAPI_PATH").value_or(config.openapi_path);
  config.lexicon_path = env("PATRON_LEXICON_PATH").value_or("");
  config.stripe_secret_key = env("STRIPE_SECRET_KEY").value_or("");
  config.stripe_webhook_secret = env("STRIPE_WEBHOOK_SECRET").value_or("");
  config.stripe_api_base = env("STRIPE_API_BASE").value_or(config.stripe_api_base);
  if (config.stripe_api_base.rfind("https://", 0) != 0 && config.stripe_api_base.rfind("http://", 0) != 0) {
    throw std::runtime_error("STRIPE_API_BASE must start with https:// (or http:// for a local stand-in)");
  }
  config.stripe_timeout_seconds = env_int("STRIPE_TIMEOUT_SECONDS", config.stripe_timeout_seconds, 1, 25);
  config.smtp_url = env("SMTP_URL").value_or("");
  if (!config.smtp_url.empty() && config.smtp_url.rfind("smtp://", 0) != 0 && config.smtp_url.rfind("smtps://", 0) != 0) {
    throw std::runtime_error("SMTP_URL must start with smtp:// or smtps://");
  }
  config.smtp_from = env("SMTP_FROM").value_or(config.smtp_from);
  config.public_url = env("PUBLIC_URL").value_or("http://localhost:" + std::to_string(config.port));
  config.password_reset_ttl_seconds = env_int("PASSWORD_RESET_TTL_SECONDS", config.password_reset_ttl_seconds, 1, 86'400);
  return config;
}

void ensure_dev_jwt_secret(Config& config, const std::string& path) {
  if (!config.jwt_secret.empty()) return;
  std::ifstream in(path);
  std::getline(in, config.jwt_secret);
  if (config.jwt_secret.size() < min_jwt_secret_bytes) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    config.jwt_secret = services::random_token() + services::random_token();
    std::ofstream out(path, std::ios::trunc);
    out << config.jwt_secret << "\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
  config.jwt_secret_generated = true;
}

}  // namespace patron::app
