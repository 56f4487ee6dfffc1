#include "http/router.h"

#include <map>

#include "domain/text.h"

namespace patron::http {
namespace {

bool is_param(const std::string& segment) { return segment.size() > 2 && segment.front() == '{'; }

}  // namespace

void Router::add(const std::string& method, const std::string& pattern, Access access, Handler handler) {
  routes_.push_back({method, split_nonempty(pattern, '/'), pattern, access, std::move(handler)});
}

Router::Match Router::match(Exchange& exchange, const Route** route) const {
  const auto segments = split_nonempty(exchange.path, '/');
  bool path_matched = false;
  for (const auto& candidate : routes_) {
    if (candidate.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool same = true;
    for (std::size_t i = 0; i < segments.size() && same; ++i) {
      if (is_param(candidate.segments[i])) {
        params[candidate.segments[i].substr(1, candidate.segments[i].size() - 2)] = segments[i];
      } else {
        same = candidate.segments[i] == segments[i];
      }
    }
    if (!same) continue;
    path_matched = true;
    if (candidate.method != exchange.method) continue;
    exchange.params = std::move(params);
    exchange.route = candidate.pattern;
    *route = &candidate;
    return Match::found;
  }
  return path_matched ? Match::wrong_method : Match::none;
}

std::string Router::allowed_methods(const std::string& path) const {
  std::string allowed;
  for (const auto& route : routes_) {
    Exchange probe;
    probe.path = path;
    probe.method = route.method;
    const Route* found = nullptr;
    if (match(probe, &found) == Match::found && found == &route && allowed.find(route.method) == std::string::npos) {
      allowed += (allowed.empty() ? "" : ", ") + route.method;
    }
  }
  return allowed;
}

bool allows(Access access, const Principal& principal) {
  const auto& role = principal.role;
  switch (access) {
    case Access::anyone:
      return true;
    case Access::customer:
      return role == "customer";
    case Access::pos:
      return role == "staff" || role == "admin" || role == "store";
    case Access::staff:
      return role == "staff" || role == "admin";
    case Access::admin:
      return role == "admin";
  }
  return false;
}

}  // namespace patron::http
