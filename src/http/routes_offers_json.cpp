#include "http/routes_offers_json.h"

#include <cmath>

#include "http/body_reader.h"
#include "offers/redemption.h"

namespace patron::http {
namespace {

constexpr std::size_t max_audience_text = 100;

Json optional_range(const offers::Range& r) {
  Json out = Json::object();
  if (r.min) out["min"] = *r.min;
  if (r.max) out["max"] = *r.max;
  return out;
}

Result<std::vector<std::string>> read_strings(const Json& body, const std::string& key, const std::string& path) {
  std::vector<std::string> out;
  if (!body.contains(key) || body[key].is_null()) return out;
  if (!body[key].is_array() || body[key].size() > offers::max_audience_values) {
    return Error::validation(path,
                             "must be a list of at most " + std::to_string(offers::max_audience_values) + " names");
  }
  for (const auto& item : body[key]) {
    if (!item.is_string() || item.get<std::string>().empty() || item.get<std::string>().size() > max_audience_text) {
      return Error::validation(path, "must hold names of 1 to 100 characters");
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

Result<offers::Range> read_range(const Json& body, const std::string& key, const std::string& path) {
  offers::Range r;
  if (!body.contains(key) || body[key].is_null()) return r;
  if (!body[key].is_object()) return Error::validation(path, "must be an object with min and/or max");
  for (const char* bound : {"min", "max"}) {
    if (!body[key].contains(bound) || body[key][bound].is_null()) continue;
    if (!body[key][bound].is_number()) return Error::validation(path + "." + bound, "must be a number");
    (std::string(bound) == "min" ? r.min : r.max) = body[key][bound].get<double>();
  }
  return r;
}

Result<offers::OfferTemplate> read_offer(const Json& body) {
  if (!body.is_object()) return Error::validation("offer", "must be an object");
  BodyReader in(body, "offer");
  offers::OfferTemplate o;
  const auto kind = in.text("kind", 32);
  o.category = in.optional_text("category", max_audience_text).value_or("");
  o.sku = in.optional_text("sku", 64).value_or("");
  o.points = in.optional_integer("points", 0, offers::max_offer_points).value_or(0);
  o.min_spend_minor = in.optional_integer("min_spend_minor", 0, 1'000'000'000'000).value_or(0);
  o.percent = in.optional_integer("percent", 0, 100).value_or(0);
  o.reward_id = in.optional_text("reward_id", 64).value_or("");
  o.auto_apply = in.optional_flag("auto_apply").value_or(false);
  if (!in.ok()) return in.error();
  const auto parsed = offers::parse_offer_kind(kind);
  if (!parsed)
    return Error::validation("offer.kind", "must be bonus_multiplier, bonus_points, percent_off or free_reward");
  o.kind = *parsed;
  if (body.contains("multiplier") && !body["multiplier"].is_null()) {
    if (!body["multiplier"].is_number())
      return Error::validation("offer.multiplier", "must be a number such as 2 or 1.5");
    const double m = body["multiplier"].get<double>();
    if (!(m > 1.0 && m <= 10.0)) return Error::validation("offer.multiplier", "must be more than 1 and at most 10");
    o.multiplier_permille = static_cast<std::int64_t>(std::llround(m * 1000));
  }
  return o;
}

Status apply_times_and_money(offers::Campaign& c, const Json& body) {
  BodyReader in(body);
  if (auto at = in.optional_time("starts_at")) c.starts_at = *at;
  if (auto at = in.optional_time("ends_at")) c.ends_at = *at;
  if (body.contains("budget_points")) {
    c.budget_points = body["budget_points"].is_null()
                          ? std::nullopt
                          : std::optional<Points>(in.integer("budget_points", 1, 1'000'000'000'000));
  }
  if (body.contains("budget_minor")) {
    c.budget_minor = body["budget_minor"].is_null()
                         ? std::nullopt
                         : std::optional<MinorUnits>(in.integer("budget_minor", 1, 1'000'000'000'000));
  }
  if (auto cap = in.optional_integer("per_customer_cap", 1, offers::max_per_customer_cap)) c.per_customer_cap = *cap;
  if (!in.ok()) return in.error();
  if (body.contains("control_share")) {
    if (!body["control_share"].is_number()) return Error::validation("control_share", "must be a number from 0 to 0.5");
    c.control_share_permille = static_cast<std::int64_t>(std::llround(body["control_share"].get<double>() * 1000));
  }
  return ok_status();
}

}  // namespace

Json campaign_json(const offers::Campaign& c) {
  const auto& a = c.audience;
  const auto& o = c.offer;
  Json offer{{"kind", offers::to_string(o.kind)}, {"auto_apply", o.auto_apply}};
  if (!o.category.empty()) offer["category"] = o.category;
  if (!o.sku.empty()) offer["sku"] = o.sku;
  if (o.multiplier_permille) offer["multiplier"] = static_cast<double>(o.multiplier_permille) / 1000.0;
  if (o.points) offer["points"] = o.points;
  if (o.min_spend_minor) offer["min_spend_minor"] = o.min_spend_minor;
  if (o.percent) offer["percent"] = o.percent;
  if (!o.reward_id.empty()) offer["reward_id"] = o.reward_id;
  if (!o.reward_name.empty()) offer["reward_name"] = o.reward_name;
  return {{"id", c.id},
          {"name", c.name},
          {"goal", offers::to_string(c.goal)},
          {"status", offers::to_string(c.status)},
          {"audience",
           {{"segments", a.segments},
            {"tiers", a.tiers},
            {"categories_bought", a.categories_bought},
            {"categories_not_bought", a.categories_not_bought},
            {"favorite_categories", a.favorite_categories},
            {"p_alive", optional_range(a.p_alive)},
            {"clv_minor", optional_range(a.clv_minor)}}},
          {"offer", offer},
          {"starts_at", format_rfc3339(c.starts_at)},
          {"ends_at", format_rfc3339(c.ends_at)},
          {"budget_points", c.budget_points ? Json(*c.budget_points) : Json(nullptr)},
          {"budget_minor", c.budget_minor ? Json(*c.budget_minor) : Json(nullptr)},
          {"per_customer_cap", c.per_customer_cap},
          {"control_share", static_cast<double>(c.control_share_permille) / 1000.0},
          {"offers_created", c.offers_created},
          {"control_group_size", c.control_group_size},
          {"created_at", format_rfc3339(c.created_at)}};
}

Json offer_json(const offers::CampaignOffer& item, const std::string& currency, std::int64_t now) {
  const auto& o = item.offer;
  const auto& t = item.campaign.offer;
  const bool ended = now >= item.campaign.ends_at || item.campaign.status == offers::CampaignStatus::ended;
  Json value = nullptr;
  if (t.kind == offers::OfferKind::bonus_multiplier) value = static_cast<double>(t.multiplier_permille) / 1000.0;
  if (t.kind == offers::OfferKind::bonus_points) value = t.points;
  if (t.kind == offers::OfferKind::percent_off) value = t.percent;
  return {{"id", o.id},
          {"campaign_id", o.campaign_id},
          {"title", offers::offer_title(t, o.category)},
          {"description", offers::offer_description(t, o.category, currency) +
                              ((item.campaign.budget_points || item.campaign.budget_minor) &&
                                       t.kind == offers::OfferKind::bonus_multiplier
                                   ? " Up to " + std::to_string(o.max_bonus_points) + " bonus points."
                                   : std::string())},
          {"kind", offers::to_string(t.kind)},
          {"value", value},
          {"category", o.category.empty() ? Json(nullptr) : Json(o.category)},
          {"sku", t.sku.empty() ? Json(nullptr) : Json(t.sku)},
          {"min_spend_minor", t.min_spend_minor ? Json(t.min_spend_minor) : Json(nullptr)},
          {"expires_at", format_rfc3339(item.campaign.ends_at)},
          {"activated", o.status == "activated" || o.status == "redeemed"},
          {"status", o.status == "redeemed" ? "redeemed"
                     : ended                ? "expired"
                                            : o.status},
          {"reasons", o.reasons},
          {"bonus_points", o.bonus_points}};
}

Json report_json(const services::CampaignReport& r, const std::string& currency) {
  const auto arm = [](const services::ArmOutcome& a) {
    const double n = a.customers > 0 ? static_cast<double>(a.customers) : 1.0;
    return Json{{"customers", a.customers},
                {"redemptions", a.redemptions},
                {"redemption_rate", static_cast<double>(a.redemptions) / n},
                {"purchasers", a.purchasers},
                {"purchases", a.purchases},
                {"revenue_minor", a.revenue_minor},
                {"revenue_per_customer_minor", a.customers > 0 ? a.revenue_per_customer.mean() : 0.0}};
  };
  const auto interval = [](const std::optional<offers::Interval>& i) {
    return i ? Json::array({i->low, i->high}) : Json(nullptr);
  };
  const double t_mean = r.treatment.customers > 0 ? r.treatment.revenue_per_customer.mean() : 0.0;
  const double c_mean = r.control.customers > 0 ? r.control.revenue_per_customer.mean() : 0.0;
  const auto rate = [](std::int64_t k, std::int64_t n) { return n > 0 ? static_cast<double>(k) / n : 0.0; };
  return {{"campaign_id", r.campaign.id},
          {"window", {{"starts_at", format_rfc3339(r.window_from)}, {"ends_at", format_rfc3339(r.window_to)}}},
          {"currency", currency},
          {"treatment", arm(r.treatment)},
          {"control", arm(r.control)},
          {"uplift",
           {{"redemption_rate", rate(r.treatment.redemptions, r.treatment.customers)},
            {"revenue_per_customer", t_mean - c_mean},
            {"ci95", interval(r.revenue_per_customer_ci)},
            {"purchase_rate",
             {{"difference",
               rate(r.treatment.purchasers, r.treatment.customers) - rate(r.control.purchasers, r.control.customers)},
              {"ci95", interval(r.purchase_rate_ci)}}}}},
          {"incremental_revenue_minor",
           static_cast<std::int64_t>(std::llround((t_mean - c_mean) * static_cast<double>(r.treatment.customers)))},
          {"cost_points", r.cost_points},
          {"method",
           "Treatment minus control over the campaign's window. Revenue per customer: Welch's 95% interval "
           "(unequal variances, Welch-Satterthwaite degrees of freedom). Share of customers who bought: Newcombe's "
           "hybrid score interval (method 10) from Wilson intervals. Arms are drawn by FNV-1a of campaign and "
           "customer ids."}};
}

Result<offers::Audience> read_audience(const Json& body, const std::string& prefix) {
  offers::Audience a;
  if (body.is_null()) return a;
  if (!body.is_object()) return Error::validation(prefix, "must be an object");
  const std::pair<std::vector<std::string>*, const char*> lists[] = {
      {&a.segments, "segments"},
      {&a.tiers, "tiers"},
      {&a.categories_bought, "categories_bought"},
      {&a.categories_not_bought, "categories_not_bought"},
      {&a.favorite_categories, "favorite_categories"}};
  for (const auto& [list, key] : lists) {
    auto read = read_strings(body, key, prefix + "." + key);
    if (!read.ok()) return read.error();
    *list = std::move(*read);
  }
  auto p_alive = read_range(body, "p_alive", prefix + ".p_alive");
  if (!p_alive.ok()) return p_alive.error();
  auto clv = read_range(body, "clv_minor", prefix + ".clv_minor");
  if (!clv.ok()) return clv.error();
  a.p_alive = *p_alive;
  a.clv_minor = *clv;
  return a;
}

Result<offers::Campaign> apply_campaign_fields(offers::Campaign c, const Json& body) {
  BodyReader in(body);
  if (auto name = in.optional_text("name", 120)) c.name = *name;
  const auto goal = in.optional_text("goal", 32);
  const auto status = in.optional_text("status", 32);
  if (!in.ok()) return in.error();
  if (goal) {
    auto parsed = offers::parse_goal(*goal);
    if (!parsed) return Error::validation("goal", "must be winback, grow_basket, cross_sell or reward_best");
    c.goal = *parsed;
  }
  if (status) {
    auto parsed = offers::parse_campaign_status(*status);
    if (!parsed) return Error::validation("status", "must be draft, scheduled, live or ended");
    c.status = *parsed;
  }
  if (body.contains("audience")) {
    auto audience = read_audience(body["audience"], "audience");
    if (!audience.ok()) return audience.error();
    c.audience = std::move(*audience);
  }
  if (body.contains("offer")) {
    auto offer = read_offer(body["offer"]);
    if (!offer.ok()) return offer.error();
    c.offer = std::move(*offer);
  }
  if (auto applied = apply_times_and_money(c, body); !applied.ok()) return applied.error();
  return c;
}

}  // namespace patron::http
