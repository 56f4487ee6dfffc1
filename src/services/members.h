#pragma once
// A member's own account, as the portal reads and changes it: the profile,
// the pages of purchases, points and vouchers, the rewards on offer, and the
// password. Each read takes the member's id from the signed-in principal; an
// erased or disabled account answers account_not_found.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/page_cursor.h"
#include "domain/result.h"
#include "domain/rewards.h"
#include "storage/sql/ledger_repository.h"
#include "storage/sql/redemptions_repository.h"
#include "storage/sql/transactions_repository.h"
#include "storage/sql/users_repository.h"

namespace patron::services {

Error account_not_found();

struct ProfileChange {
  std::optional<std::string> name, phone;
  std::optional<bool> marketing_opt_in;
};

// A reward as a member sees it in the list.
struct MemberReward {
  Reward reward;
  std::optional<std::string> image_url;
  bool available = false;  // in stock and within its dates
};

class Members {
 public:
  explicit Members(soci::session& session) : session_(session) {}

  Result<sql::UserRecord> active(const std::string& id);
  // Whoever signs in with this (normalized) e-mail, of any role and status:
  // the caller checks the password first, so both outcomes cost the same.
  std::optional<sql::UserRecord> signing_in(const std::string& email);
  Result<sql::UserRecord> update_profile(const std::string& id, const ProfileChange& change, std::int64_t now);
  // Sets the new hash only if the stored one is still `verified_hash` (the
  // one the current password was checked against), and signs every session out.
  Status replace_password_hash(const std::string& id, const std::string& verified_hash, const std::string& new_hash,
                               std::int64_t now);

  sql::Page<sql::TransactionRecord> purchases(const std::string& id, int limit, const TimeCursor& cursor);
  sql::Page<sql::LedgerEntryRecord> ledger(const std::string& id, int limit, const SequenceCursor& cursor);
  sql::Page<sql::RedemptionRecord> vouchers(const std::string& id, int limit, const TimeCursor& cursor);
  // The rewards active at `now`, with their images.
  std::vector<MemberReward> rewards(std::int64_t now);

 private:
  soci::session& session_;
};

}  // namespace patron::services
