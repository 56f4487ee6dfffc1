#include "storage/sql/users_repository.h"
#include "storage/sql/changed_accounts.h"
#include "storage/sql/queries.h"
#include "storage/sql/statement_cache.h"

namespace patron::sql {
namespace {

constexpr const char* user_columns =
    "id, email, password_hash, name, phone, role, COALESCE(card_number, ''), marketing_opt_in, status, created_at";

struct UserRow {
  UserRecord user;
  int opt_in = 0;
  long long created_at = 0;

  void bind(soci::statement& st) {
    into_columns(st, user.id, user.email, user.password_hash, user.name, user.phone, user.role, user.card_number,
                 opt_in, user.status, created_at);
  }
  UserRecord finish() {
    user.marketing_opt_in = opt_in != 0;
    user.created_at = created_at;
    return user;
  }
};

}  // namespace

void UsersRepository::insert(const UserRecord& user, std::int64_t now) {
  const long long at = now;
  const int opt_in = user.marketing_opt_in ? 1 : 0;
  soci::indicator card_ind = user.card_number.empty() ? soci::i_null : soci::i_ok;
  session_ << "INSERT INTO users (id, email, password_hash, name, phone, role, card_number, marketing_opt_in, status, "
              "created_at, updated_at) VALUES (:id, :email, :hash, :name, :phone, :role, :card, :opt, :status, :c, :u)",
      soci::use(user.id), soci::use(user.email), soci::use(user.password_hash), soci::use(user.name),
      soci::use(user.phone), soci::use(user.role), soci::use(user.card_number, card_ind), soci::use(opt_in),
      soci::use(user.status), soci::use(at), soci::use(at);
}

std::optional<UserRecord> UsersRepository::find_where(const std::string& column, const std::string& value) {
  UserRow row;
  soci::statement st = prepare_with(
      session_, row, std::string("SELECT ") + user_columns + " FROM users WHERE " + column + " = :v", value);
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return row.finish();
}

void UsersRepository::update_profile(const UserRecord& user, std::int64_t now) {
  note_account_changed(user.id);
  const long long at = now;
  const int opt_in = user.marketing_opt_in ? 1 : 0;
  session_ << "UPDATE users SET name = :name, phone = :phone, marketing_opt_in = :opt, updated_at = :u WHERE id = :id",
      soci::use(user.name), soci::use(user.phone), soci::use(opt_in), soci::use(at), soci::use(user.id);
}

void UsersRepository::update_password_hash(const std::string& id, const std::string& hash, std::int64_t now) {
  const long long at = now;
  session_ << "UPDATE users SET password_hash = :h, updated_at = :u WHERE id = :id", soci::use(hash), soci::use(at),
      soci::use(id);
}

void UsersRepository::anonymize(const std::string& id, std::int64_t now) {
  note_account_changed(id);
  const long long at = now;
  const std::string email = "erased+" + id + "@invalid";
  session_ << "UPDATE users SET email = :e, password_hash = '!', name = 'Erased customer', phone = '', "
              "card_number = NULL, marketing_opt_in = 0, status = 'erased', updated_at = :u WHERE id = :id",
      soci::use(email), soci::use(at), soci::use(id);
}

Page<UserRecord> UsersRepository::search_customers(const std::string& query, int limit, const std::string& after_id) {
  UserRow row;
  const std::string pattern = like_pattern(query);
  const int fetch = limit + 1;
  Page<UserRecord> page =
      select_page(session_, row,
                  std::string("SELECT ") + user_columns +
                      " FROM users WHERE role = 'customer' AND status = 'active' AND id > :after AND "
                      "(LOWER(email) LIKE :p ESCAPE '!' OR LOWER(name) LIKE :p2 ESCAPE '!' OR "
                      "LOWER(card_number) LIKE :p3 ESCAPE '!') "
                      "ORDER BY id LIMIT :n",
                  after_id, pattern, pattern, pattern, fetch);
  cut_to_limit(page, limit);
  return page;
}

void UsersRepository::insert_account(const AccountRecord& account, std::int64_t now) {
  const long long at = now, balance = account.points_balance, anniversary = account.tier_anniversary_at;
  session_ << "INSERT INTO accounts (customer_id, points_balance, tier_code, tier_anniversary_at, entry_count, "
              "updated_at) VALUES (:c, :b, :t, :a, 0, :u)",
      soci::use(account.customer_id), soci::use(balance), soci::use(account.tier_code), soci::use(anniversary),
      soci::use(at);
}

std::optional<AccountRecord> UsersRepository::load_account(const std::string& customer_id) {
  AccountRecord account;
  const bool server = session_.get_backend_name() != "sqlite3";
  session_ << std::string(
                  "SELECT customer_id, points_balance, tier_code, tier_anniversary_at, entry_count FROM "
                  "accounts WHERE customer_id = :c") +
                  (server ? " FOR UPDATE" : ""),
      soci::use(customer_id), soci::into(account.customer_id), soci::into(account.points_balance),
      soci::into(account.tier_code), soci::into(account.tier_anniversary_at), soci::into(account.entry_count);
  if (!session_.got_data()) return std::nullopt;
  return account;
}

std::optional<CustomerAccount> UsersRepository::load_customer_account(const std::string& customer_id) {
  static constexpr std::string_view select =
      "SELECT u.role, u.status, a.customer_id, a.points_balance, a.tier_code, a.tier_anniversary_at, a.entry_count "
      "FROM users u JOIN accounts a ON a.customer_id = u.id WHERE u.id = :c";
  CustomerAccount found;
  if (auto cached = reuse(session_, select)) {
    if (!cached->bind(1, customer_id).next_row()) return std::nullopt;
    found.role = cached->text(0);
    found.status = cached->text(1);
    found.account = {std::string(cached->text(2)), cached->integer(3), std::string(cached->text(4)), cached->integer(5),
                     cached->integer(6)};
    return found;
  }
  const bool server = session_.get_backend_name() != "sqlite3";
  auto& account = found.account;
  session_ << std::string(select) + (server ? " FOR UPDATE" : ""), soci::use(customer_id), soci::into(found.role),
      soci::into(found.status), soci::into(account.customer_id), soci::into(account.points_balance),
      soci::into(account.tier_code), soci::into(account.tier_anniversary_at), soci::into(account.entry_count);
  if (!session_.got_data()) return std::nullopt;
  return found;
}

void UsersRepository::save_account(const AccountRecord& account, std::int64_t now) {
  note_account_changed(account.customer_id);
  Write(session_,
        "UPDATE accounts SET points_balance = :b, tier_code = :t, tier_anniversary_at = :a, entry_count = :e, "
        "updated_at = :u WHERE customer_id = :c")
      .integer(account.points_balance)
      .text(account.tier_code)
      .integer(account.tier_anniversary_at)
      .integer(account.entry_count)
      .integer(now)
      .text(account.customer_id)
      .run();
}

std::vector<std::string> UsersRepository::accounts_due_for_tier_review(std::int64_t now, int limit) {
  const long long at = now;
  return select_texts(session_,
                      "SELECT customer_id FROM accounts WHERE tier_anniversary_at <= :n ORDER BY customer_id LIMIT :l",
                      at, limit);
}

bool UsersRepository::has_any_user() {
  long long count = 0;
  session_ << "SELECT COUNT(*) FROM users", soci::into(count);
  return count > 0;
}

}  // namespace patron::sql
