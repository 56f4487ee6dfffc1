#include "http/server.h"

#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stop_token>
#include <thread>

#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include "http/body_reader.h"
#include "http/static_files.h"

namespace patron::http {
namespace {

// restinio closes the connection beyond this; up to it, a body over
// max_body_bytes gets a proper 413 JSON answer from dispatch().
constexpr std::uint64_t transport_body_limit = 8 * max_body_bytes;

// Sent with every answer. The portal (web/dist, built by Vite) loads its
// scripts, styles and images from this origin only and has no inline script;
// React sets style properties through the CSSOM, which style-src does not
// restrict, so no 'unsafe-inline' is needed. No page may frame Patron's.
constexpr const char* content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const std::pair<const char*, const char*> security_headers[] = {
    {"X-Content-Type-Options", "nosniff"},
    {"Content-Security-Policy", content_security_policy},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
};

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

const char* content_type_for(const std::filesystem::path& file) {
  static const std::map<std::string, const char*> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript"}, {".css", "text/css"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},      {".ico", "image/x-icon"},
      {".json", "application/json"},         {".yaml", "application/yaml"}, {".woff2", "font/woff2"},
      {".txt", "text/plain"}};
  auto it = types.find(file.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

bool serve_static(Api& api, const ExchangePtr& ex) {
  const auto& root = api.settings().web_root;
  if (root.empty() || ex->method != "GET" || ex->path.rfind("/api/", 0) == 0) return false;
  std::error_code ec;
  const auto base = std::filesystem::canonical(root, ec);
  if (ec) return false;
  auto file = file_under(base, ex->path);
  if (!file) return false;  // outside the web root: a 404, not the portal
  if (!std::filesystem::is_regular_file(*file)) file = base / "index.html";  // client-side routes
  std::ifstream in(*file, std::ios::binary);
  if (!in) return false;
  std::ostringstream content;
  content << in.rdbuf();
  const bool hashed_asset = ex->path.rfind("/assets/", 0) == 0;
  ex->reply(Reply{200, content.str(), content_type_for(*file),
                  {{"Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache"}}});
  return true;
}

void dispatch(Api& api, const ExchangePtr& ex) {
  if (ex->body.size() > max_body_bytes) {
    return ex->fail({ErrorCode::payload_too_large, "the request body exceeds 1 MiB", {}});
  }
  const Route* route = nullptr;
  switch (api.router.match(*ex, &route)) {
    case Router::Match::none:
      if (serve_static(api, ex)) return;
      return ex->fail(Error::not_found("no such endpoint"));
    case Router::Match::wrong_method:
      return ex->reply(Reply{405,
                             error_body({ErrorCode::validation_failed, "this method is not allowed here", {}})
                                 .dump(),
                             "application/json",
                             {{"Allow", api.router.allowed_methods(ex->path)}}});
    case Router::Match::found: break;
  }
  if (ex->malformed_query) {
    return ex->fail(Error::validation("query", "the query string is malformed; percent-encode reserved characters"));
  }
  if (route->access != Access::anyone) {
    if (!api.authenticate(*ex)) {
      return ex->fail(services::database_unavailable());
    }
    if (ex->principal.role.empty()) {
      return ex->fail({ErrorCode::unauthorized, "a valid access token or API key is required", {}});
    }
    if (!allows(route->access, ex->principal)) {
      return ex->fail({ErrorCode::forbidden, "your role may not use this endpoint", {}});
    }
    if (route->access == Access::customer) {
      switch (api.account_status(ex->principal.user_id)) {
        case Api::AccountStatus::active: break;
        case Api::AccountStatus::closed:
          return ex->fail({ErrorCode::account_closed, "this account was erased or disabled", {}});
        case Api::AccountStatus::unknown:
          return ex->fail(services::database_unavailable());
      }
    }
  }
  route->handler(ex);
}

// Accepts what browsers' encodeURIComponent leaves unescaped (!'()*); anything
// else malformed is reported instead of being read as an empty query.
std::optional<std::map<std::string, std::string>> query_of(const restinio::request_handle_t& req) {
  std::map<std::string, std::string> query;
  auto params = restinio::try_parse_query<restinio::parse_query_traits::javascript_compatible>(req->header().query());
  if (!params) return std::nullopt;
  for (const auto& [name, value] : *params) query[std::string(name)] = std::string(value);
  return query;
}

ExchangePtr make_exchange(const restinio::request_handle_t& req) {
  auto ex = std::make_shared<Exchange>();
  ex->method = req->header().method().c_str();
  ex->path = std::string(req->header().path());
  ex->body = req->body();
  ex->client_address = req->remote_endpoint().address().to_string();
  if (auto query = query_of(req)) {
    ex->query = std::move(*query);
  } else {
    ex->malformed_query = true;
  }
  req->header().for_each_field([&](const restinio::http_header_field_t& field) {
    ex->headers[lower(field.name())] = field.value();
  });
  return ex;
}

// One JSON object per request, built by the JSON library so that nothing a
// client sends (a path like `/x","injected":"yes`) can forge a field.
std::string access_log_line(const Exchange& ex, int status, std::size_t bytes, double seconds) {
  nlohmann::ordered_json line = {{"method", ex.method},
                                 {"path", ex.path},
                                 {"route", ex.route},
                                 {"status", status},
                                 {"bytes", bytes},
                                 {"latency_ms", std::round(seconds * 1e6) / 1e3},
                                 {"client", ex.client_address}};
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

restinio::request_handling_status_t handle(Api& api, const restinio::request_handle_t& req) {
  auto ex = make_exchange(req);
  ex->send = [&api, req, raw = ex.get()](Reply reply) {
    auto response = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(reply.status)}, ""});
    response.append_header(restinio::http_field::content_type, reply.content_type);
    for (const auto& [name, value] : security_headers) response.append_header(name, value);
    bool cache_control_set = false;
    for (const auto& [name, value] : reply.headers) {
      cache_control_set = cache_control_set || lower(name) == "cache-control";
      response.append_header(name, value);
    }
    // API answers carry personal data: no browser or proxy may keep them.
    if (!cache_control_set && raw->path.rfind("/api/", 0) == 0) response.append_header("Cache-Control", "no-store");
    const auto bytes = reply.body.size();
    response.set_body(std::move(reply.body));
    response.done();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - raw->started).count();
    api.metrics.observe(raw->method, raw->route, reply.status, seconds);
    spdlog::info("{}", access_log_line(*raw, reply.status, bytes, seconds));
  };
  try {
    dispatch(api, ex);
  } catch (const std::exception& e) {
    spdlog::error("{} {} failed: {}", ex->method, ex->path, e.what());
    ex->fail({ErrorCode::internal, "an unexpected error occurred", {}});
  }
  return restinio::request_accepted();
}

// Deletes expired idempotency records at start and every purge interval while
// the server runs, through the write queue like any other write.
class IdempotencyPurger {
 public:
  explicit IdempotencyPurger(Api& api)
      : thread_([&api](std::stop_token stop) {
          std::mutex mutex;
          std::condition_variable_any wake;
          while (!stop.stop_requested()) {
            try {
              api.purge_expired_idempotency_keys();
            } catch (const std::exception& e) {
              spdlog::warn("purging expired idempotency keys failed: {}", e.what());
            }
            std::unique_lock lock(mutex);
            wake.wait_for(lock, stop, services::reply_purge_interval, [] { return false; });
          }
        }) {}

 private:
  std::jthread thread_;
};

}  // namespace

void serve(Api& api, const ServerOptions& options) {
  IdempotencyPurger purger(api);
  using traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;
  restinio::run(restinio::on_thread_pool<traits>(options.threads)
                    .address(options.address)
                    .port(options.port)
                    .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(transport_body_limit))
                    // A write waits for its group commit; restinio's 10 s default would cut a
                    // connection that a slow disk or a reconnecting database server still answers.
                    .handle_request_timeout(std::chrono::seconds(30))
                    .request_handler([&api](restinio::request_handle_t req) { return handle(api, req); }));
}

}  // namespace patron::http
