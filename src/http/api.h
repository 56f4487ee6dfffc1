#pragma once
// The API's shared parts (stores, signer, throttle, metrics, router) and the
// two ways a handler touches SQL: a read on a pooled session in the request's
// thread, or a write queued for group commit and answered after it is durable.
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/page_cursor.h"
#include "http/exchange.h"
#include "http/expiring_map.h"
#include "http/hash_pool.h"
#include "http/me_cache.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/throttle.h"
#include "http/tokens.h"
#include "services/database.h"
#include "services/idempotent_replies.h"
#include "services/loyalty.h"
#include "services/mailer.h"
#include "services/password_reset.h"

namespace patron::documents {
class DocumentStore;
}
namespace patron::analytics {
class SentimentScorer;
}

namespace patron::http {

struct ApiSettings {
  services::ProgramSettings program;
  std::string web_root;       // built portal; empty to serve none
  std::string openapi_path;   // docs/openapi.yaml
  std::string metrics_token;  // METRICS_TOKEN: lets non-loopback clients read /metrics; empty for none
  // Password reset links (issue 16): the portal's public origin for the link,
  // the link's lifetime, and whether a link may be logged (serve --dev, no SMTP).
  std::string portal_url = "http://localhost:3001";
  std::int64_t password_reset_ttl_seconds = services::default_password_reset_ttl_seconds;
  bool dev_mode = false;
};

class Api {
 public:
  Api(services::Database& database, TokenSigner signer, ApiSettings settings)
      : me_cache(database.embedded() ? me_cache_ttl : std::chrono::milliseconds(0)),
        database_(database),
        signer_(std::move(signer)),
        settings_(std::move(settings)) {}

  // Writes through this server invalidate account views at once; the lifetime
  // bounds how long a change made by another process (`patron expire` from
  // cron, `patron import`) or by the passing of time can go unseen.
  static constexpr std::chrono::milliseconds me_cache_ttl{5'000};

  MeCache me_cache;
  Router router;
  Metrics metrics;
  PasswordThrottle throttle;  // logins and password changes, per (account, client) and per client
  SignupThrottle signups;     // sign-ups per client
  ResetThrottle resets;       // password reset requests, per client and per e-mail address
  // Argon2id hashing and verifying, off the writer and HTTP threads. Declared
  // after the throttles: its jobs use them, and it is destroyed first.
  HashPool password_work;

  // A revoked API key stops working at once on this server and within
  // api_key_ttl on others sharing the database (a lookup per POS request was
  // a measurable share of the purchase path).
  static constexpr std::chrono::milliseconds api_key_ttl{5'000};
  void forget_api_keys();

  // A customer's token outlives an erasure or a disabling, so every customer
  // route checks the account is still active (dispatch does, once). Statuses
  // are cached: an erasure through this server drops its entry at once; a
  // change made elsewhere is seen within account_status_ttl.
  static constexpr std::chrono::milliseconds account_status_ttl{5'000};
  enum class AccountStatus { active, closed, unknown };  // unknown: the database failed
  AccountStatus account_status(const std::string& user_id);
  void forget_account_status(const std::string& user_id);

  const TokenSigner& signer() const { return signer_; }
  const ApiSettings& settings() const { return settings_; }
  static std::int64_t now();

  // Runs `work` on a read session; database failures become 503.
  void read(const ExchangePtr& ex, const std::function<void(services::Session)>& work);

  // Whether a write's reply may be stored and replayed under an Idempotency-Key.
  enum class Replay {
    by_idempotency_key,
    never,  // the reply holds a secret (a new API key): never stored, the header is ignored
  };

  // Queues `work` for group commit; the reply goes out once it is durable.
  // With an Idempotency-Key header, a repeat of the same request by the same
  // principal returns the first reply unchanged and a different request under
  // the key is a 409. Anonymous requests and /api/v1/auth/* are never replayed
  // (the header is ignored): their replies hold tokens, and a replayed refresh
  // would slip past reuse detection.
  void write(const ExchangePtr& ex, std::function<Result<Reply>(services::Session)> work,
             Replay replay = Replay::by_idempotency_key);
  // As write(); `after_commit` runs once the work is durable, before the reply.
  void write(const ExchangePtr& ex, std::function<Result<Reply>(services::Session)> work,
             std::function<void()> after_commit, Replay replay = Replay::by_idempotency_key);

  // Deletes the idempotency records past services::reply_retention; blocks
  // until done. Returns false when the database failed.
  bool purge_expired_idempotency_keys();

  // The behaviour store (events, feedback, preferences) and the scorer of
  // feedback text. Routes that need them answer 503 while they are not attached.
  void attach_behaviour_store(documents::DocumentStore& store, const analytics::SentimentScorer& sentiment) {
    documents_ = &store;
    sentiment_ = &sentiment;
  }
  documents::DocumentStore* documents() const { return documents_; }
  // Outgoing mail (password reset links); none attached: nothing is mailed.
  void attach_mail(services::MailOutbox& outbox) { mail_ = &outbox; }
  services::MailOutbox* mail() const { return mail_; }
  const analytics::SentimentScorer* sentiment() const { return sentiment_; }

  // Sets ex.principal from a bearer token or an API key; false when the
  // database could not be asked about the key (the caller answers 503).
  bool authenticate(Exchange& ex);

 private:
  services::Database& database_;
  TokenSigner signer_;
  ApiSettings settings_;
  struct KnownApiKey {
    std::string store_id, api_key_id;
  };
  static constexpr std::size_t max_known_api_keys = 10'000;
  ExpiringMap<KnownApiKey> api_keys_{api_key_ttl, max_known_api_keys};  // by the key's hash
  static constexpr std::size_t max_known_accounts = 100'000;
  ExpiringMap<bool> accounts_active_{account_status_ttl, max_known_accounts};  // by user id
  documents::DocumentStore* documents_ = nullptr;
  const analytics::SentimentScorer* sentiment_ = nullptr;
  services::MailOutbox* mail_ = nullptr;
};

Reply json_reply(int status, const Json& body);
// A use case's outcome as the reply: its value as `view` shows it, or its error.
template <typename T, typename View>
Result<Reply> json_reply(int status, const Result<T>& outcome, View&& view) {
  if (!outcome.ok()) return outcome.error();
  return json_reply(status, view(*outcome));
}

// A route's handler from one of the routes files' functions.
using RouteFunction = void (*)(Api&, const ExchangePtr&);
inline Handler bind(Api& api, RouteFunction route) {
  return [&api, route](const ExchangePtr& ex) { route(api, ex); };
}
// ?limit=, from 1 to 200 (50 when absent).
Result<int> page_limit(const Exchange& ex);

// A list request's ?limit= and ?cursor=, checked: the cursor is one of the
// kinds in domain/page_cursor.h (TimeCursor, SequenceCursor).
template <typename Cursor>
struct PageQuery {
  int limit = 0;
  Cursor cursor;
};
template <typename Cursor>
Result<PageQuery<Cursor>> page_query(const Exchange& ex) {
  const auto limit = page_limit(ex);
  if (!limit.ok()) return limit.error();
  auto cursor = Cursor::parse(ex.query_or("cursor", ""));
  if (!cursor.ok()) return cursor.error();
  return PageQuery<Cursor>{*limit, std::move(*cursor)};
}

// Every route of routes.cpp's table, and the catalog's.
void register_api_routes(Api& api);
// The customer's offers as the 360° view lists them.
Json customer_offers_json(Api& api, services::Session session, const std::string& customer_id);

}  // namespace patron::http
