#pragma once
// Users (customers and staff), their loyalty accounts, and the password reset
// tokens that let a user set a new password (issue 16).
#include <cstdint>
#include <optional>
#include <string>

#include "storage/sql/records.h"

namespace patron::sql {

// A reset token is stored only as its hash, used once, and expires.
struct PasswordResetRecord {
  std::string id;
  std::string user_id;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
};

class UsersStore {
 public:
  virtual ~UsersStore() = default;

  virtual void insert(const UserRecord& user, std::int64_t now) = 0;
  virtual std::optional<UserRecord> find_by_id(const std::string& id) = 0;
  virtual std::optional<UserRecord> find_by_email(const std::string& email) = 0;
  virtual std::optional<UserRecord> find_by_card_number(const std::string& card_number) = 0;
  virtual void update_profile(const UserRecord& user, std::int64_t now) = 0;
  virtual void update_password_hash(const std::string& id, const std::string& hash, std::int64_t now) = 0;
  // Personal data replaced by placeholders; the row stays for the ledger's sake.
  virtual void anonymize(const std::string& id, std::int64_t now) = 0;
  virtual Page<UserRecord> search_customers(const std::string& query, int limit, const std::string& after_id) = 0;

  virtual void insert_account(const AccountRecord& account, std::int64_t now) = 0;
  // Locks the account row on server dialects (FOR UPDATE) for the transaction.
  virtual std::optional<AccountRecord> load_account(const std::string& customer_id) = 0;
  // load_account with the owner's role and status: one statement on the purchase path.
  virtual std::optional<CustomerAccount> load_customer_account(const std::string& customer_id) = 0;
  virtual void save_account(const AccountRecord& account, std::int64_t now) = 0;
  virtual std::vector<std::string> accounts_due_for_tier_review(std::int64_t now, int limit) = 0;
  virtual bool has_any_user() = 0;

  virtual void insert_password_reset(const PasswordResetRecord& record, const std::string& token_hash,
                                     std::int64_t now) = 0;
  virtual std::optional<PasswordResetRecord> find_password_reset(const std::string& token_hash) = 0;
  // Marks the token used; false when it was used already (another request won).
  virtual bool mark_password_reset_used(const std::string& id, std::int64_t now) = 0;
  // Marks every open token of the user used (after a reset or a password change).
  virtual void close_password_resets_of(const std::string& user_id, std::int64_t now) = 0;
  // Deletes tokens that expired before `cutoff`; returns how many.
  virtual std::int64_t delete_expired_password_resets(std::int64_t cutoff) = 0;
};

}  // namespace patron::sql
