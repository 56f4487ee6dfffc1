#pragma once
// An offer at the till: the lines it is about, and the bonus a purchase earns
// from it (capped at the cost its campaign's budget counted).
#include <string>
#include <vector>

#include "domain/earning.h"
#include "offers/campaign.h"

namespace patron::offers {

// Whether a line counts for the offer: the template's SKU, else the offer's
// category, else any line.
bool line_qualifies(const OfferTemplate& offer, const std::string& offer_category, const PricedLine& line);

// The lines that qualify (line_qualifies).
std::vector<PricedLine> qualifying_lines(const OfferTemplate& offer, const std::string& offer_category,
                                         const std::vector<PricedLine>& lines);

// Points the purchase earns from the offer; 0 when it does not qualify.
// `base_points` are what the qualifying lines earn by the program's rules.
Points offer_bonus(const OfferTemplate& offer, MinorUnits qualifying_spend_minor, Points base_points, Points cap);

// A percent-off voucher's discount on one unit price (rounded down, so the
// customer never pays less than the percent promises to take off).
MinorUnits discounted_unit_price(MinorUnits unit_price_minor, std::int64_t percent);

// What the customer reads: "3× points on Coffee", "500 bonus points on Tea".
std::string offer_title(const OfferTemplate& offer, const std::string& offer_category);
std::string offer_description(const OfferTemplate& offer, const std::string& offer_category,
                              const std::string& currency);

}  // namespace patron::offers
