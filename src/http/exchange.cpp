#include "http/exchange.h"

namespace patron::http {

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::validation_failed: return 400;
    case ErrorCode::unauthorized:
    case ErrorCode::account_closed: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict:
    case ErrorCode::insufficient_points: return 409;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::limit_exceeded:
    case ErrorCode::unsupported_currency: return 422;
    case ErrorCode::rate_limited: return 429;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

Json error_body(const Error& error) {
  return Json{{"error",
               {{"code", to_string(error.code)},
                {"message", error.message},
                {"field", error.field.empty() ? Json(nullptr) : Json(error.field)}}}};
}

void Exchange::reply(Reply r) {
  if (send) {
    auto sender = std::move(send);
    send = nullptr;
    sender(std::move(r));
  }
}

void Exchange::json(int status, const Json& body_json) {
  reply(Reply{status, body_json.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json", {}});
}

void Exchange::no_content() { reply(Reply{204, "", "application/json", {}}); }

void Exchange::fail(const Error& error) { json(status_for(error.code), error_body(error)); }

void Exchange::fail_with_retry(const Error& error, int retry_after_seconds) {
  reply(Reply{status_for(error.code), error_body(error).dump(), "application/json",
              {{"Retry-After", std::to_string(retry_after_seconds)}}});
}

std::optional<std::string> Exchange::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::string Exchange::query_or(const std::string& name, const std::string& fallback) const {
  auto it = query.find(name);
  return it == query.end() ? fallback : it->second;
}

}  // namespace patron::http
