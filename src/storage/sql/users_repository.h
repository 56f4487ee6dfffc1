#pragma once
// Users (customers and staff) and their loyalty accounts.
#include <optional>
#include <string>

#include <soci/soci.h>

#include "storage/sql/records.h"

namespace patron::sql {

class UsersRepository {
 public:
  explicit UsersRepository(soci::session& session) : session_(session) {}

  void insert(const UserRecord& user, std::int64_t now);
  std::optional<UserRecord> find_by_id(const std::string& id);
  std::optional<UserRecord> find_by_email(const std::string& email);
  std::optional<UserRecord> find_by_card_number(const std::string& card_number);
  void update_profile(const UserRecord& user, std::int64_t now);
  void update_password_hash(const std::string& id, const std::string& hash, std::int64_t now);
  // Personal data replaced by placeholders; the row stays for the ledger's sake.
  void anonymize(const std::string& id, std::int64_t now);
  Page<UserRecord> search_customers(const std::string& query, int limit, const std::string& after_id);

  void insert_account(const AccountRecord& account, std::int64_t now);
  // Locks the account row on server dialects (FOR UPDATE) for the transaction.
  std::optional<AccountRecord> load_account(const std::string& customer_id);
  // load_account with the owner's role and status: one statement on the purchase path.
  std::optional<CustomerAccount> load_customer_account(const std::string& customer_id);
  void save_account(const AccountRecord& account, std::int64_t now);
  std::vector<std::string> accounts_due_for_tier_review(std::int64_t now, int limit);
  bool has_any_user();

 private:
  std::optional<UserRecord> find_where(const std::string& column, const std::string& value);
  soci::session& session_;
};

}  // namespace patron::sql
