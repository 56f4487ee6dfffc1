#include <unistd.h>

#include <fstream>
#include <sstream>

#include "http/api.h"
#include "http/route_handlers.h"
#include "services/readiness.h"

namespace patron::http {
namespace {
// 127.0.0.0/8, ::1, or an IPv4 loopback address mapped into IPv6.
bool is_loopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

// Compares in time independent of where the texts differ.
bool same_secret(const std::string& given, const std::string& expected) {
  if (given.size() != expected.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  return difference == 0;
}

// Request counts and latencies by route tell an outsider too much about the
// traffic: loopback (a local scraper or sidecar) or the configured token only.
// Behind a reverse proxy on the same host every client looks local, so set
// METRICS_TOKEN and have the proxy not forward /metrics.
bool may_read_metrics(const Exchange& ex, const std::string& token) {
  if (is_loopback(ex.client_address)) return true;
  if (token.empty()) return false;
  const auto auth = ex.header("authorization");
  return auth && auth->rfind("Bearer ", 0) == 0 && same_secret(auth->substr(7), token);
}

}  // namespace

namespace handlers {

// The process id lets a supervisor (or a test) tell this process from another on a reused port.
void healthz(Api&, const ExchangePtr& ex) {
  ex->json(200, {{"status", "ok"}, {"pid", static_cast<long>(::getpid())}});
}

void readyz(Api& api, const ExchangePtr& ex) {
  api.read(ex, [&](services::Session session) {
    const bool documents_ok = services::probe_stores(session, api.documents()).documents;
    ex->json(documents_ok ? 200 : 503, {{"status", documents_ok ? "ready" : "degraded"},
                                        {"sql", "ok"},
                                        {"documents", documents_ok ? "ok" : "unavailable"}});
  });
}

void metrics(Api& api, const ExchangePtr& ex) {
  if (!may_read_metrics(*ex, api.settings().metrics_token)) {
    return ex->fail(
        {ErrorCode::forbidden, "metrics are served to loopback clients and to a bearer METRICS_TOKEN only", {}});
  }
  ex->reply(Reply{200, api.metrics.render(), "text/plain; version=0.0.4", {}});
}

void openapi_document(Api& api, const ExchangePtr& ex) {
  std::ifstream in(api.settings().openapi_path);
  if (!in) return ex->fail(Error::not_found("the OpenAPI document is not installed"));
  std::ostringstream text;
  text << in.rdbuf();
  ex->reply(Reply{200, text.str(), "application/yaml", {}});
}

}  // namespace handlers

}  // namespace patron::http
