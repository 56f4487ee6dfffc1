// A customer's purchases for staff, page by page with their lines and what is
// left to return (issue 16): the console's return form picks from these
// instead of asking for a typed SKU and a copied transaction id.
#include "domain/page_cursor.h"
#include "http/api.h"
#include "http/route_handlers.h"
#include "http/views.h"
#include "services/customers.h"
#include "services/members.h"

namespace patron::http {
namespace handlers {

void customer_purchases(Api& api, const ExchangePtr& ex) {
  const auto query = page_query<TimeCursor>(*ex);
  if (!query.ok()) return ex->fail(query.error());
  api.read(ex, [&](services::Session session) {
    const auto& id = ex->params.at("id");
    if (auto user = services::Customers(session).find(id); !user.ok()) return ex->fail(user.error());
    auto page = services::Members(session).purchases(id, query->limit, query->cursor);
    ex->json(200, page_json(page, transaction_json));
  });
}

}  // namespace handlers

}  // namespace patron::http
