// Personalized offers: staff manage campaigns, generate their offers and read
// their report; customers see their offers and activate them.
#include "http/api.h"
#include "http/body_reader.h"
#include "http/route_handlers.h"
#include "http/routes_offers_json.h"
#include "http/views.h"
#include "services/program_cache.h"

namespace patron::http {
namespace {
// Stated favourite categories from the behaviour store; none when it is not attached.
services::FavoriteCategories favorites_of(Api& api) { return services::favorites_from(api.documents()); }

// Purchases look for offers only while a campaign is live (ProgramCache); a
// campaign change drops that cached answer once it commits.
std::function<void()> campaigns_changed(Api& api) {
  return [cache = api.settings().program.cache] {
    if (cache) cache->invalidate();
  };
}

services::Offers offers_service(Api& api, services::Session session) {
  return services::Offers(session, api.settings().program);
}

}  // namespace

namespace handlers {

void list_campaigns(Api& api, const ExchangePtr& ex) {
  const auto page_asked = page_query<IdCursor>(*ex);
  if (!page_asked.ok()) return ex->fail(page_asked.error());
  api.read(ex, [&](services::Session session) {
    const auto page = offers_service(api, session).campaigns(page_asked->limit, page_asked->cursor.after_id);
    ex->json(200, page_json(page, campaign_json));
  });
}

void create_campaign(Api& api, const ExchangePtr& ex) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  for (const char* required : {"name", "offer", "starts_at", "ends_at"}) {
    if (!body->contains(required)) return ex->fail(Error::validation(required, "is required"));
  }
  auto campaign = apply_campaign_fields(offers::Campaign{}, *body);
  if (!campaign.ok()) return ex->fail(campaign.error());
  api.write(
      ex,
      [&api, campaign = *campaign](services::Session session) -> Result<Reply> {
        return json_reply(201, offers_service(api, session).create_campaign(campaign, Api::now()), campaign_json);
      },
      campaigns_changed(api));
}

void get_campaign(Api& api, const ExchangePtr& ex) {
  api.read(ex, [&](services::Session session) {
    auto campaign = offers_service(api, session).campaign(ex->params.at("id"));
    if (!campaign.ok()) return ex->fail(campaign.error());
    ex->json(200, campaign_json(*campaign));
  });
}

void change_campaign(Api& api, const ExchangePtr& ex) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  api.write(
      ex,
      [&api, id = ex->params.at("id"), body = *body](services::Session session) -> Result<Reply> {
        auto stored = offers_service(api, session).campaign(id);
        if (!stored.ok()) return stored.error();
        auto changed = apply_campaign_fields(*stored, body);
        if (!changed.ok()) return changed.error();
        return json_reply(200, offers_service(api, session).change_campaign(*changed), campaign_json);
      },
      campaigns_changed(api));
}

void archive_campaign(Api& api, const ExchangePtr& ex) {
  api.write(
      ex,
      [&api, id = ex->params.at("id")](services::Session session) -> Result<Reply> {
        if (auto archived = offers_service(api, session).archive_campaign(id); !archived.ok()) return archived.error();
        return Reply{204, "", "application/json", {}};
      },
      campaigns_changed(api));
}

void preview_audience(Api& api, const ExchangePtr& ex) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  auto audience = read_audience(body->contains("audience") ? (*body)["audience"] : Json(nullptr), "audience");
  if (!audience.ok()) return ex->fail(audience.error());
  api.read(ex, [&](services::Session session) {
    ex->json(200,
             {{"customers", offers_service(api, session).audience_size(*audience, favorites_of(api), Api::now())}});
  });
}

void generate(Api& api, const ExchangePtr& ex) {
  api.write(ex, [&api, id = ex->params.at("id")](services::Session session) -> Result<Reply> {
    auto report = offers_service(api, session).generate(id, favorites_of(api), Api::now());
    if (!report.ok()) return report.error();
    return json_reply(200, {{"offers_created", report->offers_created},
                            {"control_group_size", report->control_group_size},
                            {"treatment_size", report->treatment_size}});
  });
}

void campaign_report(Api& api, const ExchangePtr& ex) {
  api.read(ex, [&](services::Session session) {
    auto report = offers_service(api, session).report(ex->params.at("id"), Api::now());
    if (!report.ok()) return ex->fail(report.error());
    ex->json(200, report_json(*report, api.settings().program.base_currency));
  });
}

void my_offers(Api& api, const ExchangePtr& ex) {
  const auto limit = page_limit(*ex);
  if (!limit.ok()) return ex->fail(limit.error());
  api.read(ex, [&](services::Session session) {
    Json items = Json::array();
    const auto now = Api::now();
    for (const auto& offer : offers_service(api, session).customer_offers(ex->principal.user_id, *limit)) {
      items.push_back(offer_json(offer, api.settings().program.base_currency, now));
    }
    ex->json(200, {{"items", items}, {"next_cursor", nullptr}});
  });
}

void activate_offer(Api& api, const ExchangePtr& ex) {
  api.write(
      ex,
      [&api, customer = ex->principal.user_id, id = ex->params.at("id")](services::Session session) -> Result<Reply> {
        const auto now = Api::now();
        auto offer = offers_service(api, session).activate(customer, id, now);
        if (!offer.ok()) return offer.error();
        return json_reply(200, offer_json(*offer, api.settings().program.base_currency, now));
      });
}

}  // namespace handlers

Json customer_offers_json(Api& api, services::Session session, const std::string& customer_id) {
  Json items = Json::array();
  const auto now = Api::now();
  for (const auto& offer : offers_service(api, session).customer_offers(customer_id, services::Offers::max_listed)) {
    items.push_back(offer_json(offer, api.settings().program.base_currency, now));
  }
  return items;
}

}  // namespace patron::http
