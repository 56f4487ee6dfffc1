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

  void insert(const UserRecord& user, std::int64_t now) override;
  std::optional<UserRecord> find_by_id(const std::string& id) override;
  std::optional<UserRecord> find_by_email(const std::string& email) override;
  std::optional<UserRecord> find_by_card_number(const std::string& card_number) override;
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

 private:
  std::optional<UserRecord> find_where(const std::string& column, const std::string& value);
  soci::session& session_;
};

}  // namespace patron::sql
