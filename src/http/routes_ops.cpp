#include <fstream>
#include <sstream>

#include "http/api.h"
#include "storage/documents/document_store.h"
#include "storage/sql/transactions.h"

namespace patron::http {

void register_ops_routes(Api& api) {
  api.router.add("GET", "/healthz", Access::anyone, [](const ExchangePtr& ex) { ex->json(200, {{"status", "ok"}}); });
  api.router.add("GET", "/readyz", Access::anyone, [&api](const ExchangePtr& ex) {
    api.read(ex, [&](soci::session& session) {
      sql::probe(session);
      auto* store = api.documents();
      const bool documents_ok = store && store->get_preferences("readyz-probe").ok();
      ex->json(documents_ok ? 200 : 503,
               {{"status", documents_ok ? "ready" : "degraded"}, {"sql", "ok"}, {"documents", documents_ok ? "ok" : "unavailable"}});
    });
  });
  api.router.add("GET", "/metrics", Access::anyone, [&api](const ExchangePtr& ex) {
    ex->reply(Reply{200, api.metrics.render(), "text/plain; version=0.0.4", {}});
  });
  api.router.add("GET", "/api/v1/openapi.yaml", Access::anyone, [&api](const ExchangePtr& ex) {
    std::ifstream in(api.settings().openapi_path);
    if (!in) return ex->fail(Error::not_found("the OpenAPI document is not installed"));
    std::ostringstream text;
    text << in.rdbuf();
    ex->reply(Reply{200, text.str(), "application/yaml", {}});
  });
}

}  // namespace patron::http
