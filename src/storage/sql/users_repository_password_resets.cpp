// UsersRepository, part two: the password reset tokens of users (part one,
// the users and accounts, is users_repository.cpp).
#include "storage/sql/users_repository.h"
#include "storage/sql/statement_cache.h"

namespace patron::sql {

void UsersRepository::insert_password_reset(const PasswordResetRecord& record, const std::string& token_hash,
                                            std::int64_t now) {
  session_ << "INSERT INTO password_reset_tokens (id, user_id, token_hash, expires_at, created_at) "
              "VALUES (:id, :u, :h, :e, :c)",
      soci::use(record.id), soci::use(record.user_id), soci::use(token_hash), soci::use(record.expires_at),
      soci::use(now);
}

std::optional<PasswordResetRecord> UsersRepository::find_password_reset(const std::string& token_hash) {
  PasswordResetRecord record;
  std::int64_t used = 0;
  soci::indicator used_ind = soci::i_null;
  session_ << "SELECT id, user_id, expires_at, used_at FROM password_reset_tokens WHERE token_hash = :h",
      soci::use(token_hash), soci::into(record.id), soci::into(record.user_id), soci::into(record.expires_at),
      soci::into(used, used_ind);
  if (!session_.got_data()) return std::nullopt;
  if (used_ind == soci::i_ok) record.used_at = used;
  return record;
}

bool UsersRepository::mark_password_reset_used(const std::string& id, std::int64_t now) {
  return Write(session_, "UPDATE password_reset_tokens SET used_at = :t WHERE id = :id AND used_at IS NULL")
             .integer(now)
             .text(id)
             .run() == 1;
}

void UsersRepository::close_password_resets_of(const std::string& user_id, std::int64_t now) {
  session_ << "UPDATE password_reset_tokens SET used_at = :t WHERE user_id = :u AND used_at IS NULL", soci::use(now),
      soci::use(user_id);
}

std::int64_t UsersRepository::delete_expired_password_resets(std::int64_t cutoff) {
  return Write(session_, "DELETE FROM password_reset_tokens WHERE expires_at < :c").integer(cutoff).run();
}

}  // namespace patron::sql
