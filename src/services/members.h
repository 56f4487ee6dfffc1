#pragma once
// A member's own account, as the portal reads and changes it: the profile,
// the pages of purchases, points and vouchers, the rewards on offer, and the
// password. Each read takes the member's id from the signed-in principal; an
// erased or disabled account answers account_not_found.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/page_cursor.h"
#include "domain/result.h"
#include "domain/rewards.h"
#include "domain/records.h"
#include "services/session.h"

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
  explicit Members(Session session) : session_(session) {}

  Result<UserRecord> active(const std::string& id);
  // Whoever signs in with this (normalized) e-mail, of any role and status:
  // the caller checks the password first, so both outcomes cost the same.
  std::optional<UserRecord> signing_in(const std::string& email);
  Result<UserRecord> update_profile(const std::string& id, const ProfileChange& change, std::int64_t now);
  // Sets the new hash only if the stored one is still `verified_hash` (the
  // one the current password was checked against), and signs every session out.
  Status replace_password_hash(const std::string& id, const std::string& verified_hash, const std::string& new_hash,
                               std::int64_t now);

  Page<TransactionRecord> purchases(const std::string& id, int limit, const TimeCursor& cursor);
  Page<LedgerEntryRecord> ledger(const std::string& id, int limit, const SequenceCursor& cursor);
  Page<RedemptionRecord> vouchers(const std::string& id, int limit, const TimeCursor& cursor);
  // The rewards active at `now`, with their images.
  std::vector<MemberReward> rewards(std::int64_t now);

 private:
  Session session_;
};

}  // namespace patron::services
