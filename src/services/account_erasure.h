#pragma once
// Erasing a member's account (DELETE /api/v1/me), its SQL side: the profile
// is anonymized, every session revoked, and stored idempotent replies keep
// nothing personal. The behaviour documents are erased by the caller, before
// and again after this commits (see routes_privacy.cpp).
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "domain/result.h"

namespace patron::services {

// account_not_found when the account is already erased or disabled.
Status erase_account(soci::session& session, const std::string& user_id, std::int64_t now);

}  // namespace patron::services
