// The whole HTTP API on one page: method, path, who may call it, and the
// handler. Matching tries the routes in this order (router.h);
// docs/openapi.yaml describes each.
#include "http/route_handlers.h"

namespace patron::http {
namespace {

struct RouteSpec {
  const char* method;
  const char* pattern;
  Access access;
  RouteFunction handler;
};

constexpr RouteSpec api_routes[] = {
    {"GET", "/healthz", Access::anyone, handlers::healthz},
    {"GET", "/readyz", Access::anyone, handlers::readyz},
    {"GET", "/metrics", Access::anyone, handlers::metrics},
    {"GET", "/api/v1/openapi.yaml", Access::anyone, handlers::openapi_document},
    {"POST", "/api/v1/auth/register", Access::anyone, handlers::register_customer},
    {"POST", "/api/v1/auth/login", Access::anyone, handlers::login},
    {"POST", "/api/v1/auth/refresh", Access::anyone, handlers::refresh},
    {"POST", "/api/v1/auth/session", Access::anyone, handlers::probe_session},
    {"POST", "/api/v1/auth/logout", Access::anyone, handlers::logout},
    {"POST", "/api/v1/auth/password-reset", Access::anyone, handlers::request_password_reset},
    {"POST", "/api/v1/auth/password-reset/confirm", Access::anyone, handlers::confirm_password_reset},
    {"GET", "/api/v1/me", Access::customer, handlers::get_me},
    {"PATCH", "/api/v1/me", Access::customer, handlers::patch_me},
    {"POST", "/api/v1/me/password", Access::customer, handlers::change_password},
    {"GET", "/api/v1/me/transactions", Access::customer, handlers::list_transactions},
    {"GET", "/api/v1/me/ledger", Access::customer, handlers::list_ledger},
    {"GET", "/api/v1/rewards", Access::customer, handlers::list_rewards},
    {"GET", "/api/v1/catalog/facets", Access::customer, handlers::catalog_facets},
    {"POST", "/api/v1/me/redemptions", Access::customer, handlers::redeem},
    {"GET", "/api/v1/me/redemptions", Access::customer, handlers::list_redemptions},
    {"POST", "/api/v1/pos/purchases", Access::pos, handlers::record_purchase},
    {"POST", "/api/v1/pos/purchases/batch", Access::pos, handlers::record_batch},
    {"POST", "/api/v1/pos/returns", Access::pos, handlers::record_return},
    {"GET", "/api/v1/admin/customers", Access::staff, handlers::search_customers},
    {"GET", "/api/v1/admin/customers/{id}", Access::staff, handlers::customer_view},
    {"POST", "/api/v1/admin/customers/{id}/adjustments", Access::admin, handlers::adjust},
    {"POST", "/api/v1/admin/api-keys", Access::admin, handlers::create_api_key},
    {"GET", "/api/v1/admin/api-keys", Access::admin, handlers::list_api_keys},
    {"DELETE", "/api/v1/admin/api-keys/{id}", Access::admin, handlers::revoke_api_key},
    {"GET", "/api/v1/admin/currency-rates", Access::staff, handlers::list_rates},
    {"POST", "/api/v1/admin/currency-rates", Access::admin, handlers::create_rate},
    {"GET", "/api/v1/admin/currency-rates/{currency}", Access::staff, handlers::get_rate},
    {"PUT", "/api/v1/admin/currency-rates/{currency}", Access::admin, handlers::put_rate},
    {"PATCH", "/api/v1/admin/currency-rates/{currency}", Access::admin, handlers::change_rate},
    {"DELETE", "/api/v1/admin/currency-rates/{currency}", Access::admin, handlers::delete_rate},
    {"GET", "/api/v1/admin/campaigns", Access::staff, handlers::list_campaigns},
    {"POST", "/api/v1/admin/campaigns", Access::admin, handlers::create_campaign},
    {"POST", "/api/v1/admin/campaigns/audience-preview", Access::staff, handlers::preview_audience},
    {"GET", "/api/v1/admin/campaigns/{id}", Access::staff, handlers::get_campaign},
    {"PATCH", "/api/v1/admin/campaigns/{id}", Access::admin, handlers::change_campaign},
    {"DELETE", "/api/v1/admin/campaigns/{id}", Access::admin, handlers::archive_campaign},
    {"POST", "/api/v1/admin/campaigns/{id}/generate", Access::admin, handlers::generate},
    {"GET", "/api/v1/admin/campaigns/{id}/report", Access::staff, handlers::campaign_report},
    {"GET", "/api/v1/me/offers", Access::customer, handlers::my_offers},
    {"POST", "/api/v1/me/offers/{id}/activate", Access::customer, handlers::activate_offer},
    {"PUT", "/api/v1/admin/rewards/{id}/image", Access::admin, handlers::put_image},
    {"DELETE", "/api/v1/admin/rewards/{id}/image", Access::admin, handlers::delete_image},
    {"GET", "/api/v1/rewards/{id}/image", Access::anyone, handlers::get_current_image},
    {"GET", "/api/v1/rewards/{id}/image/{sha256}", Access::anyone, handlers::get_pinned_image},
    {"GET", "/api/v1/admin/customers/{id}/transactions", Access::staff, handlers::customer_purchases},
    {"GET", "/api/v1/me/preferences", Access::customer, handlers::get_preferences},
    {"PUT", "/api/v1/me/preferences", Access::customer, handlers::put_preferences},
    {"POST", "/api/v1/me/feedback", Access::customer, handlers::post_feedback},
    {"POST", "/api/v1/me/events", Access::customer, handlers::post_events},
    {"GET", "/api/v1/me/export", Access::customer, handlers::export_me},
    {"DELETE", "/api/v1/me", Access::customer, handlers::erase_me},
    {"GET", "/api/v1/admin/analytics/status", Access::staff, handlers::status},
    {"GET", "/api/v1/admin/analytics/rfm", Access::staff, handlers::rfm},
    {"GET", "/api/v1/admin/analytics/clv", Access::staff, handlers::clv},
    {"GET", "/api/v1/admin/analytics/segments", Access::staff, handlers::segments},
    {"GET", "/api/v1/admin/analytics/models", Access::staff, handlers::models},
    {"GET", "/api/v1/admin/analytics/affinities", Access::staff, handlers::affinities},
    {"GET", "/api/v1/admin/analytics/cohorts", Access::staff, handlers::cohorts},
    {"GET", "/api/v1/admin/analytics/rules", Access::staff, handlers::rules},
    {"GET", "/api/v1/admin/analytics/sentiment", Access::staff, handlers::sentiment},
};

}  // namespace

void register_api_routes(Api& api) {
  for (const auto& route : api_routes)
    api.router.add(route.method, route.pattern, route.access, bind(api, route.handler));
  register_catalog_routes(api);
}

}  // namespace patron::http
