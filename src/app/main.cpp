// The patron binary: wiring only. Each subcommand reads the configuration,
// opens what it needs and hands over to the modules that hold the logic.
#include <csignal>
#include <iostream>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "analytics/sentiment.h"
#include "app/analyze/analyze_command.h"
#include "app/config.h"
#include "app/offers_command.h"
#include "app/offers_generate.h"
#include "app/seed_demo.h"
#include "app/server_logging.h"
#include "app/store_commands.h"
#include "http/api.h"
#include "http/body_reader.h"
#include "http/routes_shop.h"
#include "http/server.h"
#include "services/api_keys.h"
#include "services/database.h"
#include "services/idempotent_replies.h"
#include "services/program_cache.h"
#include "services/secrets.h"
#include "storage/documents/document_store.h"
#include "storage/sql/migrations.h"
#include "storage/sql/read_pool.h"

namespace patron::app {
namespace {

std::int64_t now_seconds() { return http::Api::now(); }

sql::DatabaseUrl database_url(const Config& config) {
  auto url = sql::parse_database_url(config.database_url);
  if (!url.ok()) throw std::runtime_error(url.error().message);
  return *url;
}

sql::MigrationReport run_migrations(const sql::DatabaseUrl& url) {
  auto session = sql::open_session(url);
  return sql::migrate(*session, url.dialect);
}

bool database_is_empty(const sql::DatabaseUrl& url) {
  auto session = sql::open_session(url);
  return !services::Session(*session).stores().users().has_any_user();
}

struct BehaviourStore {
  std::unique_ptr<documents::DocumentStore> store;
  analytics::SentimentScorer sentiment;
};

Result<BehaviourStore> open_behaviour_store(const Config& config) {
  auto lexicon = analytics::SentimentLexicon::load_tsv(config.lexicon_path.empty() ? analytics::default_lexicon_path()
                                                                                   : config.lexicon_path);
  if (!lexicon.ok()) return lexicon.error();
  auto store = documents::open_document_store(config.document_store);
  if (!store.ok()) return store.error();
  spdlog::info("behaviour store {} open; sentiment lexicon of {} terms", redact_url_credentials(config.document_store),
               lexicon->size());
  return BehaviourStore{std::move(*store), analytics::SentimentScorer(std::move(*lexicon))};
}

services::ProgramSettings program_settings(const Config& config, services::ProgramCache* cache) {
  services::ProgramSettings program;
  program.points_expiry_months = config.points_expiry_months;
  program.cache = cache;
  program.base_currency = config.base_currency;
  program.limits = config.limits;
  program.max_purchase_age_days = config.max_purchase_age_days;
  return program;
}

http::ShopSettings shop_settings(const Config& config) {
  http::ShopSettings shop;
  shop.stripe = {config.stripe_secret_key, config.stripe_webhook_secret, config.stripe_api_base,
                 config.stripe_timeout_seconds};
  shop.fallback_base_url = config.public_url;
  return shop;
}

int serve_command(Config config, bool seed_if_empty) {
  configure_server_logging();
  if (config.jwt_secret.empty() && seed_if_empty) ensure_dev_jwt_secret(config);
  if (config.jwt_secret.size() < min_jwt_secret_bytes) {
    std::cerr << "JWT_SECRET must be set to at least 32 bytes (make run generates one in var/ for development)\n";
    return 2;
  }
  if (!config.jwt_secret_previous.empty() && config.jwt_secret_previous.size() < min_jwt_secret_bytes) {
    std::cerr << "JWT_SECRET_PREVIOUS, when set, must be at least 32 bytes too\n";
    return 2;
  }
  const auto url = database_url(config);
  const auto migrated = run_migrations(url);
  spdlog::info("schema at version {} ({} migrations applied)", migrated.current_version, migrated.applied);
  services::ProgramCache program_cache;
  auto program = program_settings(config, &program_cache);
  sql::WriteQueue writes(url);
  if (seed_if_empty && database_is_empty(url)) {
    auto report = seed_demo_program(writes, url, program, now_seconds());
    if (report.ok()) {
      spdlog::info("seeded demo data: {} products, {} purchases, {} campaigns with {} offers", report->products,
                   report->purchases, report->campaigns, report->offers);
    } else {
      spdlog::warn("seeding the demo data failed: {}", report.error().message);
    }
    program_cache.invalidate();
  }
  sql::ReadPool reads(url, static_cast<std::size_t>(config.database_pool_size));
  auto behaviour = open_behaviour_store(config);
  if (!behaviour.ok()) {
    std::cerr << "cannot open the behaviour store " << redact_url_credentials(config.document_store) << ": "
              << redact_url_credentials(behaviour.error().message) << "\n";
    return 2;
  }
  http::ApiSettings api_settings{program, config.web_root, config.openapi_path, config.metrics_token};
  api_settings.portal_url = config.public_url;
  api_settings.password_reset_ttl_seconds = config.password_reset_ttl_seconds;
  api_settings.dev_mode = seed_if_empty;
  services::MailOutbox mail({config.smtp_url, config.smtp_from, std::chrono::seconds(5), std::chrono::seconds(20)});
  if (!mail.configured()) {
    spdlog::warn(seed_if_empty ? "SMTP_URL is not set: password reset links are logged here (development only)"
                               : "SMTP_URL is not set: password reset e-mails are not sent");
  }
  services::Database database(writes, reads);
  http::Api api(database, http::TokenSigner(config.jwt_secret, config.jwt_secret_previous), api_settings);
  api.attach_mail(mail);
  api.attach_behaviour_store(*behaviour->store, behaviour->sentiment);
  http::register_api_routes(api);
  auto shop = http::register_shop_routes(api, shop_settings(config));  // outlives serve(): waits for Stripe calls
  spdlog::info("Patron listening on http://localhost:{} (database {}, {} read sessions)", config.port,
               to_string(url.dialect), config.database_pool_size);
  http::serve(api, {config.bind_address, static_cast<std::uint16_t>(config.port),
                    static_cast<std::size_t>(config.http_threads)});
  spdlog::default_logger()->flush();  // the rest is written when the sink goes, at exit
  return 0;
}

template <typename T>
Result<T> write_once(const Config& config, std::function<Result<T>(soci::session&)> work) {
  const auto url = database_url(config);
  run_migrations(url);
  sql::WriteQueue writes(url);
  return writes.run<T>(std::move(work));
}

int report_error(const Error& error) {
  std::cerr << "error: " << redact_url_credentials(error.message)
            << (error.field.empty() ? "" : " (" + error.field + ")") << "\n";
  return 1;
}

// The subcommands that run against the SQL store, with their options.
struct StoreCommands {
  CLI::App* serve = nullptr;
  bool seed_if_empty = false;
  CLI::App* migrate = nullptr;
  CLI::App* seed = nullptr;
  CLI::App* admin_create = nullptr;
  std::string email, password, role = "staff", name = "Staff";
  CLI::App* apikey_create = nullptr;
  std::string store_code;
  CLI::App* expire = nullptr;
  std::string at_text;
};

void add_store_commands(CLI::App& cli, StoreCommands& commands) {
  commands.serve = cli.add_subcommand("serve", "Serve the API and the web portal");
  commands.serve->add_flag("--dev", commands.seed_if_empty,
                           "Development: generate a JWT secret in var/ and seed demo data if empty");
  commands.migrate = cli.add_subcommand("migrate", "Apply pending schema migrations");
  commands.seed = cli.add_subcommand("seed-demo", "Load the demo program, users and purchases");

  auto* admin = cli.add_subcommand("admin", "Manage staff users")->require_subcommand(1);
  commands.admin_create = admin->add_subcommand("create", "Create a staff or admin user");
  commands.admin_create->add_option("--email", commands.email)->required();
  commands.admin_create->add_option("--password", commands.password)->required();
  commands.admin_create->add_option("--role", commands.role)->check(CLI::IsMember({"admin", "staff"}));
  commands.admin_create->add_option("--name", commands.name);

  auto* apikey = cli.add_subcommand("apikey", "Manage store API keys")->require_subcommand(1);
  commands.apikey_create = apikey->add_subcommand("create", "Issue an API key for a store");
  commands.apikey_create->add_option("--store", commands.store_code, "Store code")->required();

  commands.expire = cli.add_subcommand("expire", "Expire points and review tiers now");
  commands.expire->add_option("--at", commands.at_text, "Run as of this RFC 3339 time (default: now)");
}

int migrate_command(const Config& config) {
  auto report = run_migrations(database_url(config));
  std::cout << "schema at version " << report.current_version << " (" << report.applied << " applied)\n";
  return 0;
}

int seed_command(const Config& config, const services::ProgramSettings& program) {
  const auto url = database_url(config);
  run_migrations(url);
  sql::WriteQueue writes(url);
  auto report = seed_demo_program(writes, url, program, now_seconds());
  if (!report.ok()) return report_error(report.error());
  std::cout << "seeded " << report->products << " products and " << report->purchases << " demo purchases\n";
  return 0;
}

int admin_create_command(const Config& config, const services::ProgramSettings& program, const StoreCommands& options) {
  auto user = write_once<sql::UserRecord>(config, [&](soci::session& s) {
    return services::Loyalty(s, program)
        .register_user(options.email, options.password, options.name, options.role, now_seconds());
  });
  if (!user.ok()) return report_error(user.error());
  std::cout << "created " << options.role << " " << user->email << " (" << user->id << ")\n";
  return 0;
}

int apikey_create_command(const Config& config, const std::string& store_code) {
  auto key = write_once<std::string>(config, [&](soci::session& s) -> Result<std::string> {
    auto issued = services::ApiKeys(s).issue_for_store_code(store_code, "cli", now_seconds());
    if (!issued.ok()) return issued.error();
    return issued->secret;
  });
  if (!key.ok()) return report_error(key.error());
  std::cout << *key << "\n";
  return 0;
}

// Idempotency records past their retention (by the clock, not --at), a slice
// per transaction so a running server's writes are not held up.
int purge_idempotency_records(const Config& config) {
  sql::WriteQueue writes(database_url(config));
  sql::ReadPool reads(database_url(config), 1);
  services::Database database(writes, reads);
  if (auto done = services::purge_expired_replies(database, now_seconds()); !done.ok()) {
    return report_error(done.error());
  }
  std::cout << "purged idempotency keys older than "
            << std::chrono::duration_cast<std::chrono::hours>(services::reply_retention).count() << " h\n";
  return 0;
}

int expire_command(const Config& config, const services::ProgramSettings& program, const std::string& at_text) {
  std::int64_t at = now_seconds();
  if (!at_text.empty()) {
    auto parsed = http::parse_rfc3339(at_text);
    if (!parsed) return report_error(Error::validation("--at", "must be an RFC 3339 time"));
    at = *parsed;
  }
  auto report =
      write_once<services::MaintenanceReport>(config, [&](soci::session& s) -> Result<services::MaintenanceReport> {
        return services::Loyalty(s, program).run_maintenance(at);
      });
  if (!report.ok()) return report_error(report.error());
  std::cout << "expired " << report->points_expired << " points of " << report->customers_expired
            << " customers; reviewed " << report->tiers_reviewed << " tiers\n";
  return purge_idempotency_records(config);
}

int run_store_command(const StoreCommands& commands, CLI::App& offers, const OffersGenerateOptions& generate) {
  auto config = load_config();
  const auto program = program_settings(config, nullptr);
  if (commands.serve->parsed()) return serve_command(config, commands.seed_if_empty);
  if (offers.got_subcommand("generate")) {
    const auto url = database_url(config);
    run_migrations(url);
    return run_offers_generate(config, url, program, generate);
  }
  if (commands.migrate->parsed()) return migrate_command(config);
  if (commands.seed->parsed()) return seed_command(config, program);
  if (commands.admin_create->parsed()) return admin_create_command(config, program, commands);
  if (commands.apikey_create->parsed()) return apikey_create_command(config, commands.store_code);
  if (commands.expire->parsed()) return expire_command(config, program, commands.at_text);
  return 0;
}

}  // namespace
}  // namespace patron::app

int main(int argc, char** argv) {
  using namespace patron::app;
  load_dotenv();
  CLI::App cli{"Patron: retail loyalty with customer-behaviour analytics"};
  cli.require_subcommand(1);
  StoreCommands commands;
  add_store_commands(cli, commands);
  add_analyze_command(cli, analyze_store_hooks());
  CLI::App* offers = add_offers_command(cli);  // with `offers evaluate`
  OffersGenerateOptions generate_options;
  add_offers_generate_command(offers, generate_options);
  add_import_command(cli);
  add_gen_data_command(cli);
  CLI11_PARSE(cli, argc, argv);
  try {
    return run_store_command(commands, *offers, generate_options);
  } catch (const std::exception& e) {
    std::cerr << "error: " << redact_url_credentials(e.what()) << "\n";
    return 1;
  }
}
