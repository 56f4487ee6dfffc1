#pragma once
// Customers as staff find and look them up (the console's search, 360° view,
// adjustments and returns). Their pages of purchases and points are a
// member's own (services::Members), read here for staff.
#include <string>

#include <soci/soci.h>

#include "domain/result.h"
#include "storage/sql/users_repository.h"

namespace patron::services {

inline constexpr std::size_t max_customer_query_length = 254;

class Customers {
 public:
  explicit Customers(soci::session& session) : session_(session) {}

  // The customer with this id, erased or not; not_found for any other user.
  Result<sql::UserRecord> find(const std::string& id);
  // By name, e-mail or card number, a page at a time.
  Result<sql::Page<sql::UserRecord>> search(const std::string& query, int limit, const std::string& cursor);

 private:
  soci::session& session_;
};

}  // namespace patron::services
