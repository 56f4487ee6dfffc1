#pragma once
#include <string>

#include <soci/soci.h>

#include "services/loyalty.h"
#include "storage/sql/database.h"
#include "storage/sql/write_queue.h"

namespace patron::app {

struct SeedReport {
  int products = 0, purchases = 0, campaigns = 0, offers = 0;
  std::string demo_customer_id;
};

// A small believable program: 8 categories × 5 products, 6 rewards, Bronze /
// Silver / Gold, earning rules, 2 stores, an admin and a demo customer with six
// months of purchases, two dozen shoppers with structured baskets, and three
// live campaigns with their offers generated. Runs in one transaction.
SeedReport seed_demo(soci::session& session, const services::ProgramSettings& settings, std::int64_t now);

// The whole demo: seed_demo in one transaction, then the analysis of its
// history (segments, P(alive), rules), then three live campaigns whose offers
// cite it, each in its own transaction.
Result<SeedReport> seed_demo_program(sql::WriteQueue& writes, const sql::DatabaseUrl& url,
                                     const services::ProgramSettings& settings, std::int64_t now);

}  // namespace patron::app
