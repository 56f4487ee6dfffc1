#include "storage/sql/campaign_rows.h"

#include <array>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

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

// The JSON keys of a stored audience and offer template, each named once for
// both directions (a missing key reads as the field's empty value).
template <class Record, class Field>
using Keyed = std::pair<const char*, Field Record::*>;

constexpr std::array<Keyed<offers::Audience, std::vector<std::string>>, 5> kAudienceLists = {{
    {"segments", &offers::Audience::segments},
    {"tiers", &offers::Audience::tiers},
    {"categories_bought", &offers::Audience::categories_bought},
    {"categories_not_bought", &offers::Audience::categories_not_bought},
    {"favorite_categories", &offers::Audience::favorite_categories},
}};
constexpr std::array<Keyed<offers::Audience, offers::Range>, 2> kAudienceRanges = {{
    {"p_alive", &offers::Audience::p_alive},
    {"clv_minor", &offers::Audience::clv_minor},
}};

// The offer template's plain fields; kind and auto_apply have their own rules.
using OfferField = std::variant<std::string offers::OfferTemplate::*, std::int64_t offers::OfferTemplate::*>;
constexpr std::array<std::pair<const char*, OfferField>, 8> kOfferFields = {{
    {"category", &offers::OfferTemplate::category},
    {"sku", &offers::OfferTemplate::sku},
    {"reward_id", &offers::OfferTemplate::reward_id},
    {"reward_name", &offers::OfferTemplate::reward_name},
    {"multiplier_permille", &offers::OfferTemplate::multiplier_permille},
    {"points", &offers::OfferTemplate::points},
    {"min_spend_minor", &offers::OfferTemplate::min_spend_minor},
    {"percent", &offers::OfferTemplate::percent},
}};

}  // namespace

std::string audience_text(const offers::Audience& a) {
  Json j = Json::object();
  for (const auto& [key, field] : kAudienceLists) j[key] = a.*field;
  for (const auto& [key, field] : kAudienceRanges) j[key] = range_json(a.*field);
  return j.dump();
}

static offers::Audience audience_of(const std::string& text) {
  const auto j = Json::parse(text);
  offers::Audience a;
  for (const auto& [key, field] : kAudienceLists) a.*field = j.value(key, std::vector<std::string>{});
  for (const auto& [key, field] : kAudienceRanges) a.*field = range_of(j.value(key, Json::object()));
  return a;
}

std::string offer_text(const offers::OfferTemplate& o) {
  Json j = {{"kind", offers::to_string(o.kind)}, {"auto_apply", o.auto_apply}};
  for (const auto& [key, field] : kOfferFields) {
    std::visit([&, name = key](auto member) { j[name] = o.*member; }, field);
  }
  return j.dump();
}

static offers::OfferTemplate offer_of(const std::string& text) {
  const auto j = Json::parse(text);
  offers::OfferTemplate o;
  o.kind = offers::parse_offer_kind(j.value("kind", "bonus_points")).value_or(offers::OfferKind::bonus_points);
  for (const auto& [key, field] : kOfferFields) {
    std::visit(
        [&, name = key](auto member) {
          using Value = std::remove_reference_t<decltype(o.*member)>;
          o.*member = j.value(name, Value{});
        },
        field);
  }
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

// Both statements are written once, from kValueColumns, on first use.
const std::string& CampaignValues::insert_sql() {
  static const std::string sql = [] {
    std::string columns, placeholders;
    for (const char* column : kValueColumns) {
      columns += std::string(column) + ", ";
      placeholders += std::string(":") + column + ", ";
    }
    return "INSERT INTO campaigns (" + columns + "id, created_at) VALUES (" + placeholders + ":id, :created_at)";
  }();
  return sql;
}

const std::string& CampaignValues::update_sql() {
  static const std::string sql = [] {
    std::string assignments;
    for (const char* column : kValueColumns) {
      if (!assignments.empty()) assignments += ", ";
      assignments += std::string(column) + " = :" + column;
    }
    return "UPDATE campaigns SET " + assignments + " WHERE id = :id";
  }();
  return sql;
}

}  // namespace patron::sql::detail
