#include "http/routes_shop.h"

#include <regex>
#include <thread>

#include <spdlog/spdlog.h>

#include "domain/validation.h"
#include "http/body_reader.h"
#include "http/views.h"
#include "services/secrets.h"
#include "services/shop.h"
#include "services/shop_webhooks.h"
#include "services/stripe_signature.h"

namespace patron::http {
namespace {

const Error not_configured{
    ErrorCode::unavailable, "online payment is not configured on this server (STRIPE_SECRET_KEY is unset)", {}};

void fail_gateway(const ExchangePtr& ex, const services::GatewayFailure& failure) {
  ex->json(failure.status, {{"error", {{"code", failure.code}, {"message", failure.message}, {"field", nullptr}}}});
}

Json product_json(const services::ShopProduct& product) {
  return {{"sku", product.sku},
          {"name", product.name},
          {"category", product.category},
          {"brand", product.brand},
          {"price_minor", product.price_minor}};
}

Json line_json(const services::ShopLine& line) {
  return {
      {"sku", line.sku}, {"name", line.name}, {"quantity", line.quantity}, {"unit_price_minor", line.unit_price_minor}};
}

// Where Stripe returns the customer: the portal page's own origin (a plain
// scheme://host[:port], as the browser sent it), else the configured address.
std::string return_base(const ShopRoutes& shop, const Exchange& ex) {
  static const std::regex origin_pattern(R"(^https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?$)");
  if (auto origin = ex.header("origin"); origin && origin->size() <= 255 && std::regex_match(*origin, origin_pattern)) {
    return *origin;
  }
  return shop.settings.fallback_base_url;
}

void shop_config(ShopRoutes& shop, const ExchangePtr& ex) {
  ex->json(200, {{"enabled", shop.stripe.settings().checkout_enabled()},
                 {"currency", shop.api.settings().program.base_currency}});
}

void list_products(ShopRoutes& shop, const ExchangePtr& ex) {
  const auto page_asked = page_query<IdCursor>(*ex);
  if (!page_asked.ok()) return ex->fail(page_asked.error());
  const auto query = ex->query_or("q", "");
  if (query.size() > services::max_shop_query_length) return ex->fail(Error::validation("q", "is too long"));
  shop.api.read(ex, [&](services::Session session) {
    auto page = services::Shop(session, shop.api.settings().program)
                    .products(query, page_asked->limit, page_asked->cursor.after_id);
    auto body = page_json(page, product_json);
    body["currency"] = shop.api.settings().program.base_currency;
    ex->json(200, body);
  });
}

Result<std::vector<services::ShopLineInput>> read_lines(const std::string& body_text) {
  auto body = parse_object(body_text);
  if (!body.ok()) return body.error();
  BodyReader in(*body);
  const auto* lines = in.array("lines", services::max_shop_lines);
  if (!in.ok()) return in.error();
  if (lines->empty()) return Error::validation("lines", "must have at least one line");
  std::vector<services::ShopLineInput> inputs;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto path = "lines[" + std::to_string(i) + "]";
    if (!(*lines)[i].is_object()) return Error::validation(path, "must be an object");
    BodyReader line((*lines)[i], path);
    services::ShopLineInput input{line.text("sku", 64), line.integer("quantity", 1, services::max_shop_quantity)};
    if (!line.ok()) return line.error();
    inputs.push_back(std::move(input));
  }
  return inputs;
}

// Runs on a thread of its own: Stripe's answer may take up to its timeout.
void create_session(ShopRoutes& shop, const ExchangePtr& ex, services::PricedCart cart,
                    services::CheckoutSessionRequest request) {
  auto created = shop.stripe.create_checkout_session(request);
  if (const auto* failure = std::get_if<services::GatewayFailure>(&created)) return fail_gateway(ex, *failure);
  const auto session = std::get<services::CheckoutSession>(created);
  auto& api = shop.api;
  api.write(ex,
            [&api, cart = std::move(cart), session,
             checkout_id = request.checkout_id](services::Session db) -> Result<Reply> {
              auto checkout =
                  services::Shop(db, api.settings().program).record_checkout(cart, checkout_id, session.id, Api::now());
              if (!checkout.ok()) return checkout.error();
              Json lines = Json::array();
              for (const auto& line : cart.lines) lines.push_back(line_json(line));
              return json_reply(201, {{"checkout_url", session.url},
                                      {"session_id", session.id},
                                      {"total_minor", cart.total_minor},
                                      {"currency", cart.currency},
                                      {"lines", lines}});
            });
}

void checkout(ShopRoutes& shop, const ExchangePtr& ex) {
  if (!shop.stripe.settings().checkout_enabled()) return ex->fail(not_configured);
  auto lines = read_lines(ex->body);
  if (!lines.ok()) return ex->fail(lines.error());
  const auto client_key = ex->header("idempotency-key");
  if (client_key) {
    if (auto valid = validate_idempotency_key(*client_key); !valid.ok()) return ex->fail(valid.error());
  }
  std::optional<Result<services::PricedCart>> cart;
  shop.api.read(ex, [&](services::Session session) {
    cart = services::Shop(session, shop.api.settings().program).price_cart(ex->principal.user_id, *lines);
  });
  if (!cart) return;  // the read failed and was answered
  if (!cart->ok()) return ex->fail(cart->error());
  services::CheckoutSessionRequest request;
  // A client's retry under its Idempotency-Key reaches Stripe under one key and
  // with the same parameters (Stripe refuses a key reused with others), so
  // Stripe answers it with the session it already made.
  request.checkout_id =
      client_key
          ? "chk_" + services::hash_hex(ex->principal.user_id + "\n" + *client_key + "\n" + ex->body).substr(0, 21)
          : services::new_id("chk");
  request.idempotency_key = request.checkout_id;
  request.currency = (*cart)->currency;
  request.customer_id = ex->principal.user_id;
  request.customer_email = (*cart)->customer_email;
  const auto base = return_base(shop, *ex);
  request.success_url = base + "/shop/success?session_id={CHECKOUT_SESSION_ID}";
  request.cancel_url = base + "/shop/cancel";
  for (const auto& line : (*cart)->lines) request.lines.push_back({line.name, line.unit_price_minor, line.quantity});
  if (!shop.try_begin_call()) {
    return ex->fail_with_retry({ErrorCode::unavailable, "too many payments are being started; try again shortly", {}},
                               stripe_busy_retry_after_seconds);
  }
  std::thread([&shop, ex, priced = std::move(**cart), request = std::move(request)]() mutable {
    try {
      create_session(shop, ex, std::move(priced), std::move(request));
    } catch (const std::exception& e) {
      spdlog::error("starting a Stripe checkout failed: {}", e.what());
      ex->fail({ErrorCode::internal, "an unexpected error occurred", {}});
    }
    shop.end_call();
  }).detach();
}

void checkout_status(ShopRoutes& shop, const ExchangePtr& ex) {
  const auto& session_id = ex->params.at("session_id");
  if (session_id.empty() || session_id.size() > services::max_stripe_id_length) {
    return ex->fail(Error::validation("session_id", "is not a checkout session id"));
  }
  shop.api.read(ex, [&](services::Session session) {
    auto status =
        services::Shop(session, shop.api.settings().program).checkout_status(ex->principal.user_id, session_id);
    if (!status.ok()) return ex->fail(status.error());
    ex->json(200, {{"session_id", session_id},
                   {"status", status->status},
                   {"total_minor", status->total_minor},
                   {"currency", status->currency},
                   {"points_earned", status->points_earned},
                   {"refunded_minor", status->refunded_minor}});
  });
}

// The raw body is verified before anything reads it; nothing is changed
// unless the signature holds.
void stripe_webhook(ShopRoutes& shop, const ExchangePtr& ex) {
  const auto verified = services::verify_stripe_signature(ex->header("stripe-signature").value_or(""), ex->body,
                                                          shop.settings.stripe.webhook_secret, Api::now());
  if (!verified.ok()) {
    spdlog::warn("Stripe webhook refused: {}", verified.error().message);
    return ex->fail(verified.error());
  }
  auto event = services::parse_stripe_event(ex->body);
  if (!event.ok()) return ex->fail(event.error());
  auto& api = shop.api;
  api.write(ex, [&api, event = std::move(event).value()](services::Session session) -> Result<Reply> {
    auto outcome = services::ShopWebhooks(session, api.settings().program).apply(event, Api::now());
    if (!outcome.ok()) return outcome.error();
    return json_reply(200, {{"received", true}, {"outcome", outcome->outcome}});
  });
}

}  // namespace

ShopRoutes::ShopRoutes(Api& api_in, ShopSettings settings_in)
    : api(api_in), settings(std::move(settings_in)), stripe(settings.stripe) {}

ShopRoutes::~ShopRoutes() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return in_flight_ == 0; });
}

bool ShopRoutes::try_begin_call() {
  std::lock_guard lock(mutex_);
  if (in_flight_ >= max_stripe_calls_in_flight) return false;
  ++in_flight_;
  return true;
}

void ShopRoutes::end_call() {
  std::lock_guard lock(mutex_);
  --in_flight_;
  idle_.notify_all();
}

std::unique_ptr<ShopRoutes> register_shop_routes(Api& api, ShopSettings settings) {
  auto shop = std::make_unique<ShopRoutes>(api, std::move(settings));
  auto* s = shop.get();
  auto route = [s](void (*fn)(ShopRoutes&, const ExchangePtr&)) {
    return [s, fn](const ExchangePtr& ex) { fn(*s, ex); };
  };
  api.router.add("GET", "/api/v1/shop/config", Access::customer, route(shop_config));
  api.router.add("GET", "/api/v1/shop/products", Access::customer, route(list_products));
  api.router.add("POST", "/api/v1/shop/checkout", Access::customer, route(checkout));
  api.router.add("GET", "/api/v1/shop/checkout/{session_id}", Access::customer, route(checkout_status));
  // Stripe signs its calls instead of signing in: no token, no Idempotency-Key scope.
  api.router.add("POST", "/api/v1/webhooks/stripe", Access::anyone, route(stripe_webhook));
  if (!s->stripe.settings().checkout_enabled()) spdlog::info("online shop: STRIPE_SECRET_KEY unset, checkout disabled");
  return shop;
}

}  // namespace patron::http
