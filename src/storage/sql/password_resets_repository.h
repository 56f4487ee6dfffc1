#pragma once
// Password reset tokens (issue 16): stored only as hashes, used once, expiring.
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

namespace patron::sql {

struct PasswordResetRecord {
  std::string id;
  std::string user_id;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
};

class PasswordResetsRepository {
 public:
  explicit PasswordResetsRepository(soci::session& session) : session_(session) {}

  void insert(const PasswordResetRecord& record, const std::string& token_hash, std::int64_t now);
  std::optional<PasswordResetRecord> find(const std::string& token_hash);
  // Marks the token used; false when it was used already (another request won).
  bool mark_used(const std::string& id, std::int64_t now);
  // Marks every open token of the user used (after a reset or a password change).
  void close_all_for_user(const std::string& user_id, std::int64_t now);
  // Deletes tokens that expired before `cutoff`; returns how many.
  long long delete_expired(std::int64_t cutoff);

 private:
  soci::session& session_;
};

}  // namespace patron::sql
