#pragma once
// The demo's shoppers and campaigns: customers whose baskets have structure
// (favourite categories, items bought together, some who stopped coming) and
// three live campaigns whose offers the demo customer sees with their reasons.
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "services/loyalty.h"

namespace patron::app {

struct CampaignSeed {
  int shoppers = 0, purchases = 0, campaigns = 0, offers = 0;
};

// Two dozen shoppers with six months of structured baskets (in the seed's transaction).
CampaignSeed seed_shoppers(soci::session& session, const services::ProgramSettings& settings,
                           const std::string& store_id, std::int64_t now);

// Three live campaigns with their offers generated; after the analysis ran,
// so their reasons can cite what customers buy together.
CampaignSeed seed_campaigns(soci::session& session, const services::ProgramSettings& settings,
                            const std::string& demo_customer_id, std::int64_t now);

}  // namespace patron::app
