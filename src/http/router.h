#pragma once
// Method + path patterns with {named} segments, each with the access it needs.
// Matching is by segments, in registration order; a path that matches with
// another method is a 405, none at all a 404.
#include <functional>
#include <string>
#include <vector>

#include "http/exchange.h"

namespace patron::http {

enum class Access {
  anyone,
  customer,    // a signed-in customer: their own data only
  pos,         // staff, admin, or a store API key
  staff,       // staff or admin user
  admin,
};

using Handler = std::function<void(const ExchangePtr&)>;

struct Route {
  std::string method;
  std::vector<std::string> segments;
  std::string pattern;
  Access access = Access::anyone;
  Handler handler;
};

class Router {
 public:
  void add(const std::string& method, const std::string& pattern, Access access, Handler handler);

  enum class Match { found, wrong_method, none };
  // On `found`, fills the exchange's params and route.
  Match match(Exchange& exchange, const Route** route) const;
  const std::vector<Route>& routes() const { return routes_; }
  // "GET, POST" for the methods registered on a path (for 405's Allow).
  std::string allowed_methods(const std::string& path) const;

 private:
  std::vector<Route> routes_;
};

bool allows(Access access, const Principal& principal);

}  // namespace patron::http
