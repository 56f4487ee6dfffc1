#pragma once
// Erasing a member's account (DELETE /api/v1/me). The SQL side: the profile
// is anonymized, every session revoked, and stored idempotent replies keep
// nothing personal. The behaviour side: every event, feedback and preference
// document goes. The caller erases behaviour first, so a failure leaves an
// account the member can still sign in to and retry with, and again after the
// SQL commit, for events that raced in between (see routes_privacy.cpp).
#include <cstdint>
#include <string>

#include "domain/result.h"
#include "services/session.h"
#include "storage/documents/document_store.h"

namespace patron::services {

// account_not_found when the account is already erased or disabled.
Status erase_account(Session session, const std::string& user_id, std::int64_t now);
// Idempotent: erasing what is already gone succeeds.
Status erase_behaviour(documents::DocumentStore& store, const std::string& user_id);

}  // namespace patron::services
