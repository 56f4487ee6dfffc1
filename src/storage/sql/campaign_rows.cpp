#include "storage/sql/campaign_rows.h"

#include <array>

#include <nlohmann/json.hpp>

#include "storage/sql/queries.h"

namespace patron::sql::detail {
namespace {

using Json = nlohmann::json;

Json range_json(const offers::Range& r) {
  Json out = Json::object();
  if (r.min) out["min"] = *r.min;
  if (r.max) out["max"] = *r.max;
  return out;
}

offers::Range range_of(const Json& j) {
  offers::Range r;
  if (j.contains("min")) r.min = j["min"].get<double>();
  if (j.contains("max")) r.max = j["max"].get<double>();
  return r;
}

}  // namespace

std::string audience_text(const offers::Audience& a) {
  return Json{{"segments", a.segments},
              {"tiers", a.tiers},
              {"categories_bought", a.categories_bought},
              {"categories_not_bought", a.categories_not_bought},
              {"favorite_categories", a.favorite_categories},
              {"p_alive", range_json(a.p_alive)},
              {"clv_minor", range_json(a.clv_minor)}}
      .dump();
}

static offers::Audience audience_of(const std::string& text) {
  const auto j = Json::parse(text);
  offers::Audience a;
  a.segments = j.value("segments", std::vector<std::string>{});
  a.tiers = j.value("tiers", std::vector<std::string>{});
  a.categories_bought = j.value("categories_bought", std::vector<std::string>{});
  a.categories_not_bought = j.value("categories_not_bought", std::vector<std::string>{});
  a.favorite_categories = j.value("favorite_categories", std::vector<std::string>{});
  a.p_alive = range_of(j.value("p_alive", Json::object()));
  a.clv_minor = range_of(j.value("clv_minor", Json::object()));
  return a;
}

std::string offer_text(const offers::OfferTemplate& o) {
  return Json{{"kind", offers::to_string(o.kind)},
              {"category", o.category},
              {"sku", o.sku},
              {"multiplier_permille", o.multiplier_permille},
              {"points", o.points},
              {"min_spend_minor", o.min_spend_minor},
              {"reward_name", o.reward_name},
              {"percent", o.percent},
              {"reward_id", o.reward_id},
              {"auto_apply", o.auto_apply}}
      .dump();
}

static offers::OfferTemplate offer_of(const std::string& text) {
  const auto j = Json::parse(text);
  offers::OfferTemplate o;
  o.kind = offers::parse_offer_kind(j.value("kind", "bonus_points")).value_or(offers::OfferKind::bonus_points);
  o.category = j.value("category", "");
  o.sku = j.value("sku", "");
  o.multiplier_permille = j.value("multiplier_permille", std::int64_t{0});
  o.points = j.value("points", Points{0});
  o.min_spend_minor = j.value("min_spend_minor", MinorUnits{0});
  o.percent = j.value("percent", std::int64_t{0});
  o.reward_id = j.value("reward_id", "");
  o.reward_name = j.value("reward_name", "");
  o.auto_apply = j.value("auto_apply", false);
  return o;
}

void CampaignRow::bind(soci::statement& st) {
  into_columns(st, id, name, goal, status, audience, offer, starts, ends, with_indicator(budget, budget_ind),
               with_indicator(money, money_ind), cap, control, created_offers, control_size, created);
}

offers::Campaign CampaignRow::finish() const {
  offers::Campaign c;
  c.id = id;
  c.name = name;
  c.goal = offers::parse_goal(goal).value_or(offers::Goal::grow_basket);
  c.status = offers::parse_campaign_status(status).value_or(offers::CampaignStatus::draft);
  c.audience = audience_of(audience);
  c.offer = offer_of(offer);
  c.starts_at = starts;
  c.ends_at = ends;
  if (budget_ind == soci::i_ok) c.budget_points = budget;
  if (money_ind == soci::i_ok) c.budget_minor = money;
  c.per_customer_cap = cap;
  c.control_share_permille = control;
  c.offers_created = created_offers;
  c.control_group_size = control_size;
  c.created_at = created;
  return c;
}

CampaignValues::CampaignValues(const offers::Campaign& c)
    : name(c.name),
      goal(offers::to_string(c.goal)),
      status(offers::to_string(c.status)),
      audience(audience_text(c.audience)),
      offer(offer_text(c.offer)),
      starts(c.starts_at),
      ends(c.ends_at),
      budget(c.budget_points.value_or(0)),
      money(c.budget_minor.value_or(0)),
      cap(c.per_customer_cap),
      control(c.control_share_permille),
      created(c.created_at),
      budget_ind(c.budget_points ? soci::i_ok : soci::i_null),
      money_ind(c.budget_minor ? soci::i_ok : soci::i_null) {}

namespace {

constexpr std::array<const char*, 11> kValueColumns = {"name",
                                                       "goal",
                                                       "status",
                                                       "audience",
                                                       "offer",
                                                       "starts_at",
                                                       "ends_at",
                                                       "budget_points",
                                                       "budget_minor",
                                                       "per_customer_cap",
                                                       "control_share_permille"};

}  // namespace

void CampaignValues::bind(soci::statement& st) {
  use_values(st, name, goal, status, audience, offer, starts, ends, with_indicator(budget, budget_ind),
             with_indicator(money, money_ind), cap, control);
}

std::string CampaignValues::insert_sql() {
  std::string columns, placeholders;
  for (const char* column : kValueColumns) {
    columns += std::string(column) + ", ";
    placeholders += std::string(":") + column + ", ";
  }
  return "INSERT INTO campaigns (" + columns + "id, created_at) VALUES (" + placeholders + ":id, :created_at)";
}

std::string CampaignValues::update_sql() {
  std::string assignments;
  for (const char* column : kValueColumns) {
    if (!assignments.empty()) assignments += ", ";
    assignments += std::string(column) + " = :" + column;
  }
  return "UPDATE campaigns SET " + assignments + " WHERE id = :id";
}

}  // namespace patron::sql::detail
