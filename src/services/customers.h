#pragma once
// Customers as staff find and look them up (the console's search, 360° view,
// adjustments and returns). Their pages of purchases and points are a
// member's own (services::Members), read here for staff.
#include <string>

#include "domain/result.h"
#include "domain/records.h"
#include "services/session.h"

namespace patron::services {

inline constexpr std::size_t max_customer_query_length = 254;

class Customers {
 public:
  explicit Customers(Session session) : session_(session) {}

  // The customer with this id, erased or not; not_found for any other user.
  Result<UserRecord> find(const std::string& id);
  // By name, e-mail or card number, a page at a time.
  Result<Page<UserRecord>> search(const std::string& query, int limit, const std::string& cursor);

 private:
  Session session_;
};

}  // namespace patron::services
