#pragma once
// Password reset tokens (issue 16): stored only as hashes, used once, expiring.
#include <cstdint>
#include <optional>
#include <string>

namespace patron::sql {

struct PasswordResetRecord {
  std::string id;
  std::string user_id;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
};

class PasswordResetsStore {
 public:
  virtual ~PasswordResetsStore() = default;

  virtual void insert(const PasswordResetRecord& record, const std::string& token_hash, std::int64_t now) = 0;
  virtual std::optional<PasswordResetRecord> find(const std::string& token_hash) = 0;
  // Marks the token used; false when it was used already (another request won).
  virtual bool mark_used(const std::string& id, std::int64_t now) = 0;
  // Marks every open token of the user used (after a reset or a password change).
  virtual void close_all_for_user(const std::string& user_id, std::int64_t now) = 0;
  // Deletes tokens that expired before `cutoff`; returns how many.
  virtual long long delete_expired(std::int64_t cutoff) = 0;
};

}  // namespace patron::sql
