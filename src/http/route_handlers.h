#pragma once
// The handlers the route table (routes.cpp) names, by the file that holds them:
// each lives in the routes_*.cpp of its area.
#include "http/api.h"

namespace patron::http {

namespace handlers {
void healthz(Api& api, const ExchangePtr& ex);
void readyz(Api& api, const ExchangePtr& ex);
void metrics(Api& api, const ExchangePtr& ex);
void openapi_document(Api& api, const ExchangePtr& ex);
void register_customer(Api& api, const ExchangePtr& ex);
void login(Api& api, const ExchangePtr& ex);
void refresh(Api& api, const ExchangePtr& ex);
void probe_session(Api& api, const ExchangePtr& ex);
void logout(Api& api, const ExchangePtr& ex);
void request_password_reset(Api& api, const ExchangePtr& ex);
void confirm_password_reset(Api& api, const ExchangePtr& ex);
void get_me(Api& api, const ExchangePtr& ex);
void patch_me(Api& api, const ExchangePtr& ex);
void change_password(Api& api, const ExchangePtr& ex);
void list_transactions(Api& api, const ExchangePtr& ex);
void list_ledger(Api& api, const ExchangePtr& ex);
void list_rewards(Api& api, const ExchangePtr& ex);
void catalog_facets(Api& api, const ExchangePtr& ex);
void redeem(Api& api, const ExchangePtr& ex);
void list_redemptions(Api& api, const ExchangePtr& ex);
void record_purchase(Api& api, const ExchangePtr& ex);
void record_batch(Api& api, const ExchangePtr& ex);
void record_return(Api& api, const ExchangePtr& ex);
void search_customers(Api& api, const ExchangePtr& ex);
void customer_view(Api& api, const ExchangePtr& ex);
void adjust(Api& api, const ExchangePtr& ex);
void create_api_key(Api& api, const ExchangePtr& ex);
void list_api_keys(Api& api, const ExchangePtr& ex);
void revoke_api_key(Api& api, const ExchangePtr& ex);
void list_rates(Api& api, const ExchangePtr& ex);
void create_rate(Api& api, const ExchangePtr& ex);
void get_rate(Api& api, const ExchangePtr& ex);
void put_rate(Api& api, const ExchangePtr& ex);
void change_rate(Api& api, const ExchangePtr& ex);
void delete_rate(Api& api, const ExchangePtr& ex);
void list_campaigns(Api& api, const ExchangePtr& ex);
void create_campaign(Api& api, const ExchangePtr& ex);
void preview_audience(Api& api, const ExchangePtr& ex);
void get_campaign(Api& api, const ExchangePtr& ex);
void change_campaign(Api& api, const ExchangePtr& ex);
void archive_campaign(Api& api, const ExchangePtr& ex);
void generate(Api& api, const ExchangePtr& ex);
void campaign_report(Api& api, const ExchangePtr& ex);
void my_offers(Api& api, const ExchangePtr& ex);
void activate_offer(Api& api, const ExchangePtr& ex);
void put_image(Api& api, const ExchangePtr& ex);
void delete_image(Api& api, const ExchangePtr& ex);
void get_current_image(Api& api, const ExchangePtr& ex);
void get_pinned_image(Api& api, const ExchangePtr& ex);
void customer_purchases(Api& api, const ExchangePtr& ex);
void get_preferences(Api& api, const ExchangePtr& ex);
void put_preferences(Api& api, const ExchangePtr& ex);
void post_feedback(Api& api, const ExchangePtr& ex);
void post_events(Api& api, const ExchangePtr& ex);
void export_me(Api& api, const ExchangePtr& ex);
void erase_me(Api& api, const ExchangePtr& ex);
void status(Api& api, const ExchangePtr& ex);
void rfm(Api& api, const ExchangePtr& ex);
void clv(Api& api, const ExchangePtr& ex);
void segments(Api& api, const ExchangePtr& ex);
void models(Api& api, const ExchangePtr& ex);
void affinities(Api& api, const ExchangePtr& ex);
void cohorts(Api& api, const ExchangePtr& ex);
void rules(Api& api, const ExchangePtr& ex);
void sentiment(Api& api, const ExchangePtr& ex);
}  // namespace handlers

// The catalog's routes come from its schema: five for each resource.
void register_catalog_routes(Api& api);

}  // namespace patron::http
