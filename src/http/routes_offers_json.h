#pragma once
// Campaigns and offers as the API shows and reads them.
#include <string>

#include "domain/result.h"
#include "http/exchange.h"
#include "offers/campaign.h"
#include "offers/offer_records.h"
#include "services/offers.h"

namespace patron::http {

Json campaign_json(const offers::Campaign& campaign);
Json offer_json(const offers::CampaignOffer& offer, const std::string& currency, std::int64_t now);
Json report_json(const services::CampaignReport& report, const std::string& currency);

// Applies the fields present in `body` to `campaign` (all of them on create).
Result<offers::Campaign> apply_campaign_fields(offers::Campaign campaign, const Json& body);
Result<offers::Audience> read_audience(const Json& body, const std::string& prefix);

}  // namespace patron::http
