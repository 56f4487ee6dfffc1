#include "offers/campaign.h"

#include <utility>

#include "domain/enum_names.h"

namespace patron::offers {
namespace {

constexpr auto kGoalNames = enumerator_names(Goal::grow_basket);
constexpr auto kCampaignStatusNames = enumerator_names(CampaignStatus::draft);
constexpr auto kOfferKindNames = enumerator_names(OfferKind::bonus_points);

Status validate_range(const Range& range, double lowest, double highest, const std::string& field) {
  for (const auto& [bound, name] : {std::pair{range.min, "min"}, std::pair{range.max, "max"}}) {
    if (bound && (*bound < lowest || *bound > highest)) {
      return Error::validation(field + "." + name, "must be from " + std::to_string(lowest) + " to " +
                                                       std::to_string(highest));
    }
  }
  if (range.min && range.max && *range.min > *range.max) return Error::validation(field, "min must not exceed max");
  return ok_status();
}

Status validate_audience(const Audience& a) {
  const std::pair<const std::vector<std::string>*, const char*> lists[] = {
      {&a.segments, "segments"}, {&a.tiers, "tiers"}, {&a.categories_bought, "categories_bought"},
      {&a.categories_not_bought, "categories_not_bought"}, {&a.favorite_categories, "favorite_categories"}};
  for (const auto& [list, name] : lists) {
    if (list->size() > max_audience_values) {
      return Error::validation(std::string("audience.") + name,
                               "may list at most " + std::to_string(max_audience_values) + " values");
    }
  }
  if (auto p = validate_range(a.p_alive, 0.0, 1.0, "audience.p_alive"); !p.ok()) return p;
  return validate_range(a.clv_minor, 0.0, 1e15, "audience.clv_minor");
}

Status validate_offer(const OfferTemplate& o) {
  switch (o.kind) {
    case OfferKind::bonus_multiplier:
      if (o.multiplier_permille <= 1000 || o.multiplier_permille > max_offer_multiplier_permille) {
        return Error::validation("offer.multiplier", "must be more than 1 and at most 10");
      }
      break;
    case OfferKind::bonus_points:
      if (o.points <= 0 || o.points > max_offer_points) {
        return Error::validation("offer.points", "must be from 1 to " + std::to_string(max_offer_points));
      }
      break;
    case OfferKind::percent_off:
      if (o.percent < 1 || o.percent > max_offer_percent) {
        return Error::validation("offer.percent", "must be from 1 to " + std::to_string(max_offer_percent));
      }
      break;
    case OfferKind::free_reward:
      if (o.reward_id.empty()) return Error::validation("offer.reward_id", "is required for a free reward");
      break;
  }
  if (o.min_spend_minor < 0) return Error::validation("offer.min_spend_minor", "must not be negative");
  return ok_status();
}

}  // namespace

const char* to_string(Goal goal) { return kGoalNames.name(goal); }
const char* to_string(CampaignStatus status) { return kCampaignStatusNames.name(status); }
const char* to_string(OfferKind kind) { return kOfferKindNames.name(kind); }

std::optional<Goal> parse_goal(const std::string& text) { return kGoalNames.parse(text); }
std::optional<CampaignStatus> parse_campaign_status(const std::string& text) {
  return kCampaignStatusNames.parse(text);
}
std::optional<OfferKind> parse_offer_kind(const std::string& text) { return kOfferKindNames.parse(text); }

bool Range::contains(std::optional<double> value) const {
  if (!min && !max) return true;
  if (!value) return false;
  return (!min || *value >= *min) && (!max || *value <= *max);
}

Status validate(const Campaign& c) {
  if (c.name.empty() || c.name.size() > 120) return Error::validation("name", "must be 1 to 120 characters");
  if (c.ends_at <= c.starts_at) return Error::validation("ends_at", "must be after starts_at");
  if (c.ends_at - c.starts_at > max_campaign_days * 86'400) {
    return Error::validation("ends_at", "a campaign may run at most " + std::to_string(max_campaign_days) + " days");
  }
  if (c.budget_points && (*c.budget_points <= 0 || *c.budget_points > 1'000'000'000'000)) {
    return Error::validation("budget_points", "must be from 1 to 1000000000000");
  }
  if (c.budget_minor && (*c.budget_minor <= 0 || *c.budget_minor > 1'000'000'000'000)) {
    return Error::validation("budget_minor", "must be from 1 to 1000000000000");
  }
  if (c.per_customer_cap < 1 || c.per_customer_cap > max_per_customer_cap) {
    return Error::validation("per_customer_cap", "must be from 1 to " + std::to_string(max_per_customer_cap));
  }
  if (c.control_share_permille < 0 || c.control_share_permille > max_control_share_permille) {
    return Error::validation("control_share", "must be from 0 to 0.5");
  }
  if (auto audience = validate_audience(c.audience); !audience.ok()) return audience;
  return validate_offer(c.offer);
}

bool can_move(CampaignStatus from, CampaignStatus to) {
  using S = CampaignStatus;
  if (from == to) return true;
  switch (from) {
    case S::draft: return to == S::scheduled || to == S::live;
    case S::scheduled: return to == S::live || to == S::ended || to == S::draft;
    case S::live: return to == S::ended;
    case S::ended: return false;
  }
  return false;
}

std::optional<std::string> forbidden_live_change(const Campaign& before, const Campaign& after) {
  if (after.goal != before.goal) return "goal";
  if (after.starts_at != before.starts_at) return "starts_at";
  if (after.ends_at < before.ends_at) return "ends_at";
  if (before.budget_points && (!after.budget_points || *after.budget_points < *before.budget_points)) {
    return "budget_points";
  }
  if (before.budget_minor && (!after.budget_minor || *after.budget_minor < *before.budget_minor)) {
    return "budget_minor";
  }
  if (after.per_customer_cap != before.per_customer_cap) return "per_customer_cap";
  if (after.control_share_permille != before.control_share_permille) return "control_share";
  const auto& a = after.audience;
  const auto& b = before.audience;
  if (a.segments != b.segments || a.tiers != b.tiers || a.categories_bought != b.categories_bought ||
      a.categories_not_bought != b.categories_not_bought || a.favorite_categories != b.favorite_categories ||
      a.p_alive.min != b.p_alive.min || a.p_alive.max != b.p_alive.max || a.clv_minor.min != b.clv_minor.min ||
      a.clv_minor.max != b.clv_minor.max) {
    return "audience";
  }
  const auto& o = after.offer;
  const auto& p = before.offer;
  if (o.kind != p.kind || o.category != p.category || o.sku != p.sku || o.multiplier_permille != p.multiplier_permille ||
      o.points != p.points || o.min_spend_minor != p.min_spend_minor || o.percent != p.percent ||
      o.reward_id != p.reward_id || o.auto_apply != p.auto_apply) {
    return "offer";
  }
  return std::nullopt;
}

}  // namespace patron::offers
