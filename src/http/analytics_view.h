#pragma once
// The analytics part of the admin's 360° customer view, from the latest stored
// analytics run (routes_analytics.cpp serves the rest of the stored run).
#include <string>

#include "services/database.h"

#include "http/exchange.h"

namespace patron::http {

// Sets body's "segment", "clv" and "p_alive" from the latest finished run;
// null when no run exists or the customer was not in it.
void add_customer_analytics(services::Session session, const std::string& customer_id, Json& body);

}  // namespace patron::http
