#pragma once
// JSON views of behaviour-store documents, shared by the customer's own
// routes, the export and the staff 360° view.
#include "domain/behaviour_records.h"
#include "domain/result.h"
#include "http/exchange.h"
#include "services/members.h"

namespace patron::http {

Json feedback_json(const Feedback& feedback);
Json event_json(const Event& event);
// The stored preferences text as JSON; an empty object when never set.
Json preferences_json(const std::optional<std::string>& stored);

Error behaviour_store_missing();
using services::account_not_found;

}  // namespace patron::http
