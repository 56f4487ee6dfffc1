#pragma once
// The SOCI adapter of the UsersStore port (storage/sql/users_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <optional>
#include <string>

#include "storage/sql/users_store.h"

namespace patron::sql {

class UsersRepository final : public UsersStore {
 public:
  explicit UsersRepository(soci::session& session) : session_(session) {}

  // A user is found by one of three unique columns, each through find_where.
  std::optional<UserRecord> find_by_id(const std::string& id) override { return find_where("id", id); }
  std::optional<UserRecord> find_by_email(const std::string& email) override { return find_where("email", email); }
  std::optional<UserRecord> find_by_card_number(const std::string& card_number) override {
    return find_where("card_number", card_number);
  }

  void insert(const UserRecord& user, std::int64_t now) override;
  void update_profile(const UserRecord& user, std::int64_t now) override;
  void update_password_hash(const std::string& id, const std::string& hash, std::int64_t now) override;
  // Personal data replaced by placeholders; the row stays for the ledger's sake.
  void anonymize(const std::string& id, std::int64_t now) override;
  Page<UserRecord> search_customers(const std::string& query, int limit, const std::string& after_id) override;

  void insert_account(const AccountRecord& account, std::int64_t now) override;
  // Locks the account row on server dialects (FOR UPDATE) for the transaction.
  std::optional<AccountRecord> load_account(const std::string& customer_id) override;
  // load_account with the owner's role and status: one statement on the purchase path.
  std::optional<CustomerAccount> load_customer_account(const std::string& customer_id) override;
  void save_account(const AccountRecord& account, std::int64_t now) override;
  std::vector<std::string> accounts_due_for_tier_review(std::int64_t now, int limit) override;
  bool has_any_user() override;

  // users_repository_password_resets.cpp
  void insert_password_reset(const PasswordResetRecord& record, const std::string& token_hash,
                             std::int64_t now) override;
  std::optional<PasswordResetRecord> find_password_reset(const std::string& token_hash) override;
  bool mark_password_reset_used(const std::string& id, std::int64_t now) override;
  void close_password_resets_of(const std::string& user_id, std::int64_t now) override;
  std::int64_t delete_expired_password_resets(std::int64_t cutoff) override;

 private:
  std::optional<UserRecord> find_where(const std::string& column, const std::string& value);
  soci::session& session_;
};

}  // namespace patron::sql
