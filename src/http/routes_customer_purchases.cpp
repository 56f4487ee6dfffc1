// A customer's purchases for staff, page by page with their lines and what is
// left to return (issue 16): the console's return form picks from these
// instead of asking for a typed SKU and a copied transaction id.
#include "domain/page_cursor.h"
#include "http/api.h"
#include "http/views.h"
#include "storage/sql/transactions_repository.h"
#include "storage/sql/users_repository.h"

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
    auto user = sql::UsersRepository(session).find_by_id(id);
    if (!user || user->role != "customer") return ex->fail(Error::not_found("customer not found"));
    auto page = sql::TransactionsRepository(session).list_for_customer(id, limit, *cursor);
    ex->json(200, page_json(page, transaction_json));
  });
}

}  // namespace

void register_customer_purchase_routes(Api& api) {
  api.router.add("GET", "/api/v1/admin/customers/{id}/transactions", Access::staff, bind(api, customer_purchases));
}

}  // namespace patron::http
