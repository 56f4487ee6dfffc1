#pragma once
// The SOCI adapter of the PasswordResetsStore port (storage/sql/password_resets_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>

#include "storage/sql/password_resets_store.h"

namespace patron::sql {

class PasswordResetsRepository final : public PasswordResetsStore {
 public:
  explicit PasswordResetsRepository(soci::session& session) : session_(session) {}

  void insert(const PasswordResetRecord& record, const std::string& token_hash, std::int64_t now) override;
  std::optional<PasswordResetRecord> find(const std::string& token_hash) override;
  // Marks the token used; false when it was used already (another request won).
  bool mark_used(const std::string& id, std::int64_t now) override;
  // Marks every open token of the user used (after a reset or a password change).
  void close_all_for_user(const std::string& user_id, std::int64_t now) override;
  // Deletes tokens that expired before `cutoff`; returns how many.
  long long delete_expired(std::int64_t cutoff) override;

 private:
  soci::session& session_;
};

}  // namespace patron::sql
