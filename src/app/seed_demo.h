#pragma once
#include <soci/soci.h>

#include "services/loyalty.h"

namespace patron::app {

struct SeedReport {
  int products = 0;
  int purchases = 0;
};

// A small believable program: 8 categories × 5 products, 6 rewards, Bronze /
// Silver / Gold, earning rules, 2 stores, an admin and a demo customer with six
// months of purchases. Runs in one transaction.
SeedReport seed_demo(soci::session& session, const services::ProgramSettings& settings, std::int64_t now);

}  // namespace patron::app
