#pragma once
// The online shop's routes (issue 17): the catalog and the checkout for
// customers, and Stripe's webhook. Stripe calls run on threads of their own
// (never an HTTP worker's), at most max_stripe_calls_in_flight at once.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

#include "http/api.h"
#include "services/stripe_client.h"

namespace patron::http {

inline constexpr int max_stripe_calls_in_flight = 16;
inline constexpr int stripe_busy_retry_after_seconds = 2;

struct ShopSettings {
  services::StripeSettings stripe;
  // Where Stripe sends the customer back: the portal's origin as the browser
  // sent it, else this (PUBLIC_URL).
  std::string fallback_base_url = "http://localhost:3001";
};

class ShopRoutes {
 public:
  ShopRoutes(Api& api, ShopSettings settings);
  ~ShopRoutes();  // waits for the Stripe calls still running (each bounded by its timeout)
  ShopRoutes(const ShopRoutes&) = delete;
  ShopRoutes& operator=(const ShopRoutes&) = delete;

  Api& api;
  const ShopSettings settings;
  const services::StripeClient stripe;

  bool try_begin_call();
  void end_call();

 private:
  std::mutex mutex_;
  std::condition_variable idle_;
  int in_flight_ = 0;
};

std::unique_ptr<ShopRoutes> register_shop_routes(Api& api, ShopSettings settings);

}  // namespace patron::http
