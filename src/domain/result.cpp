#include "domain/result.h"

namespace patron {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::validation_failed: return "validation_failed";
    case ErrorCode::unauthorized: return "unauthorized";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::insufficient_points: return "insufficient_points";
    case ErrorCode::limit_exceeded: return "limit_exceeded";
    case ErrorCode::unsupported_currency: return "unsupported_currency";
    case ErrorCode::account_closed: return "account_closed";
    case ErrorCode::rate_limited: return "rate_limited";
    case ErrorCode::payload_too_large: return "payload_too_large";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace patron
