// LedgerRepository, part two: the redemptions that spend points (part one, the
// entries and lots, is ledger_repository.cpp).
#include "storage/sql/ledger_repository.h"

#include <cstdint>

#include "storage/sql/queries.h"

namespace patron::sql {

void LedgerRepository::insert_redemption(const RedemptionRecord& r) {
  const long long points = r.points, at = r.created_at, expires = r.expires_at.value_or(0);
  soci::indicator expires_ind = r.expires_at ? soci::i_ok : soci::i_null;
  session_ << "INSERT INTO redemptions (id, customer_id, reward_id, points, code, ledger_entry_id, created_at, "
              "expires_at) VALUES (:id, :c, :r, :p, :code, :l, :at, :e)",
      soci::use(r.id), soci::use(r.customer_id), soci::use(r.reward_id), soci::use(points), soci::use(r.code),
      soci::use(r.ledger_entry_id), soci::use(at), soci::use(expires, expires_ind);
}

std::int64_t LedgerRepository::count_redemptions(const std::string& customer_id, const std::string& reward_id) {
  long long count = 0;
  session_ << "SELECT COUNT(*) FROM redemptions WHERE customer_id = :c AND reward_id = :r", soci::use(customer_id),
      soci::use(reward_id), soci::into(count);
  return count;
}

bool LedgerRepository::redemption_code_taken(const std::string& code) {
  long long count = 0;
  session_ << "SELECT COUNT(*) FROM redemptions WHERE code = :c", soci::use(code), soci::into(count);
  return count > 0;
}

Page<RedemptionRecord> LedgerRepository::redemptions_of(const std::string& customer_id, int limit,
                                                       const TimeCursor& cursor) {
  const long long before_at = cursor.before_at;
  const std::string& before_id = cursor.before_id;
  Page<RedemptionRecord> page;
  RedemptionRecord r;
  std::int64_t expires = 0;
  soci::indicator expires_ind = soci::i_ok;
  const int fetch = limit + 1;
  soci::statement st =
      (session_.prepare
           << "SELECT d.id, d.reward_id, w.name, d.points, d.code, d.ledger_entry_id, d.created_at, "
              "d.expires_at FROM redemptions d JOIN rewards w ON w.id = d.reward_id WHERE d.customer_id = :c AND "
              "(d.created_at < :a OR (d.created_at = :a2 AND d.id < :i)) "
              "ORDER BY d.created_at DESC, d.id DESC LIMIT :n",
       soci::use(customer_id), soci::use(before_at), soci::use(before_at), soci::use(before_id), soci::use(fetch),
       soci::into(r.id), soci::into(r.reward_id), soci::into(r.reward_name), soci::into(r.points), soci::into(r.code),
       soci::into(r.ledger_entry_id), soci::into(r.created_at), soci::into(expires, expires_ind));
  st.execute();
  while (st.fetch()) {
    r.customer_id = customer_id;
    r.expires_at = expires_ind == soci::i_null ? std::nullopt : std::optional<std::int64_t>(expires);
    page.items.push_back(r);
  }
  cut_to_limit(page, limit, [](const auto& last) { return TimeCursor::after(last.created_at, last.id); });
  return page;
}

}  // namespace patron::sql
