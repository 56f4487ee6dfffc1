#include "services/customers.h"

namespace patron::services {

Result<UserRecord> Customers::find(const std::string& id) {
  auto user = session_.stores().users().find_by_id(id);
  if (!user || user->role != "customer") return Error::not_found("customer not found");
  return std::move(*user);
}

Result<Page<UserRecord>> Customers::search(const std::string& query, int limit, const std::string& cursor) {
  if (query.size() > max_customer_query_length) {
    return Error::validation("q", "must be at most " + std::to_string(max_customer_query_length) + " characters");
  }
  return session_.stores().users().search_customers(query, limit, cursor);
}

}  // namespace patron::services
