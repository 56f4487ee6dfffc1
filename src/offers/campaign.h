#pragma once
// A campaign: a goal, an audience, one offer template, a window, a budget, a
// per-customer cap and a control-group share. Pure rules: what a valid
// campaign is, and which changes its status and a live campaign allow.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"
#include "domain/result.h"

namespace patron::offers {

enum class Goal { winback, grow_basket, cross_sell, reward_best };
enum class CampaignStatus { draft, scheduled, live, ended };
enum class OfferKind { bonus_multiplier, bonus_points, percent_off, free_reward };

const char* to_string(Goal goal);
const char* to_string(CampaignStatus status);
const char* to_string(OfferKind kind);
std::optional<Goal> parse_goal(const std::string& text);
std::optional<CampaignStatus> parse_campaign_status(const std::string& text);
std::optional<OfferKind> parse_offer_kind(const std::string& text);

struct Range {
  std::optional<double> min, max;
  bool contains(std::optional<double> value) const;
};

// Empty lists and ranges do not filter: an empty audience is every active customer.
struct Audience {
  std::vector<std::string> segments, tiers, categories_bought, categories_not_bought, favorite_categories;
  Range p_alive, clv_minor;
};

struct OfferTemplate {
  OfferKind kind = OfferKind::bonus_points;
  std::string category, sku;       // empty: chosen per customer from their signals
  std::int64_t multiplier_permille = 0;  // bonus_multiplier: 3000 = triple points
  Points points = 0;                // bonus_points
  MinorUnits min_spend_minor = 0;
  std::int64_t percent = 0;         // percent_off: 1..90
  std::string reward_id;            // free_reward
  std::string reward_name;          // the reward's name, kept with the template for its title
  bool auto_apply = false;          // applies at the till without activation
};

struct Campaign {
  std::string id, name;
  Goal goal = Goal::grow_basket;
  CampaignStatus status = CampaignStatus::draft;
  Audience audience;
  OfferTemplate offer;
  std::int64_t starts_at = 0, ends_at = 0;  // epoch seconds, [starts_at, ends_at)
  std::optional<Points> budget_points;
  std::optional<MinorUnits> budget_minor;  // a money budget: offers' costs at a point's value
  std::int64_t per_customer_cap = 1;
  std::int64_t control_share_permille = 100;
  std::int64_t created_at = 0;
  std::int64_t offers_created = 0, control_group_size = 0;
};

inline constexpr std::size_t max_audience_values = 50;
inline constexpr std::int64_t max_per_customer_cap = 5;
inline constexpr std::int64_t max_control_share_permille = 500;
inline constexpr std::int64_t max_offer_multiplier_permille = 10'000;  // ×10
inline constexpr Points max_offer_points = 1'000'000;
inline constexpr std::int64_t max_offer_percent = 90;
inline constexpr std::int64_t max_campaign_days = 366;

// Every field in range; field paths as the API names them (offer.multiplier, audience.p_alive.min).
Status validate(const Campaign& campaign);

// Draft → scheduled → live → ended, and draft → live; ended is final.
bool can_move(CampaignStatus from, CampaignStatus to);

// A live campaign may change only what cannot bias its measurement: its
// name, a later end, a larger budget. Names the first field that may not change.
std::optional<std::string> forbidden_live_change(const Campaign& before, const Campaign& after);

}  // namespace patron::offers
