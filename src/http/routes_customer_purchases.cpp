// A customer's purchases for staff, page by page with their lines and what is
// left to return (issue 16): the console's return form picks from these
// instead of asking for a typed SKU and a copied transaction id.
#include "domain/page_cursor.h"
#include "http/api.h"
#include "http/views.h"
#include "services/customers.h"
#include "services/members.h"

namespace patron::http {
namespace {

void customer_purchases(Api& api, const ExchangePtr& ex) {
  Error error;
  const int limit = page_limit(*ex, &error);
  if (limit == 0) return ex->fail(error);
  const auto cursor = TimeCursor::parse(ex->query_or("cursor", ""));
  if (!cursor.ok()) return ex->fail(cursor.error());
  api.read(ex, [&](soci::session& session) {
    const auto& id = ex->params.at("id");
    if (auto user = services::Customers(session).find(id); !user.ok()) return ex->fail(user.error());
    auto page = services::Members(session).purchases(id, limit, *cursor);
    ex->json(200, page_json(page, transaction_json));
  });
}

}  // namespace

void register_customer_purchase_routes(Api& api) {
  api.router.add("GET", "/api/v1/admin/customers/{id}/transactions", Access::staff, bind(api, customer_purchases));
}

}  // namespace patron::http
