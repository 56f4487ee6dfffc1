#pragma once
// A campaign as the campaigns table stores it: its audience and offer as JSON
// text, and the columns a SELECT binds, shared by the campaign queries and the
// offer queries that join their campaign (offers_repository*.cpp).
#include <string>

#include <soci/soci.h>

#include "offers/campaign.h"

namespace patron::sql::detail {

std::string audience_text(const offers::Audience& audience);
std::string offer_text(const offers::OfferTemplate& offer);

inline constexpr const char* campaign_columns =
    "c.id, c.name, c.goal, c.status, c.audience, c.offer, c.starts_at, c.ends_at, c.budget_points, c.budget_minor, "
    "c.per_customer_cap, c.control_share_permille, c.offers_created, c.control_group_size, c.created_at";

// The columns above, bound for one statement; finish() builds the campaign.
struct CampaignRow {
  std::string id, name, goal, status, audience, offer;
  long long starts = 0, ends = 0, budget = 0, money = 0, cap = 0, control = 0, created_offers = 0, control_size = 0,
            created = 0;
  soci::indicator budget_ind = soci::i_ok, money_ind = soci::i_ok;

  void bind(soci::statement& st);
  offers::Campaign finish() const;
};

// A campaign's values as an INSERT or UPDATE binds them (kept alive for the
// statement: soci binds by reference). Both statements set the same columns,
// named once beside bind(), which uses them in that order; the INSERT then
// takes the id and created_at, the UPDATE the id of its WHERE.
struct CampaignValues {
  explicit CampaignValues(const offers::Campaign& c);
  std::string name, goal, status, audience, offer;
  long long starts, ends, budget, money, cap, control, created;
  soci::indicator budget_ind, money_ind;

  void bind(soci::statement& st);
  static const std::string& insert_sql();  // then :id, :created_at
  static const std::string& update_sql();  // then :id
};

}  // namespace patron::sql::detail
