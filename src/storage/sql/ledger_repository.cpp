#include "storage/sql/ledger_repository.h"

#include "domain/page_cursor.h"
#include "storage/sql/changed_accounts.h"
#include "storage/sql/queries.h"
#include "storage/sql/statement_cache.h"

namespace patron::sql {

void LedgerRepository::append(const LedgerEntryRecord& e) {
  note_account_changed(e.customer_id);
  Write(session_,
        "INSERT INTO ledger_entries (id, customer_id, seq, occurred_at, kind, points, balance_after, reference, "
        "reason, created_by) VALUES (:id, :c, :s, :o, :k, :p, :b, :r, :why, :by)")
      .text(e.id)
      .text(e.customer_id)
      .integer(e.seq)
      .integer(e.occurred_at)
      .text(e.kind)
      .integer(e.points)
      .integer(e.balance_after)
      .text(e.reference)
      .text(e.reason)
      .text(e.created_by)
      .run();
}

void LedgerRepository::open_lot(const std::string& entry_id, const std::string& customer_id, Points points,
                                std::int64_t earned_at, std::int64_t expires_at) {
  note_account_changed(customer_id);
  Write(session_,
        "INSERT INTO point_lots (id, customer_id, points, remaining, earned_at, expires_at) "
        "VALUES (:id, :c, :p, :r, :e, :x)")
      .text(entry_id)
      .text(customer_id)
      .integer(points)
      .integer(points)
      .integer(earned_at)
      .integer(expires_at)
      .run();
}

std::vector<PointLot> LedgerRepository::open_lots(const std::string& customer_id) {
  std::vector<PointLot> lots;
  std::string id;
  long long remaining = 0, earned = 0, expires = 0;
  soci::statement st =
      (session_.prepare << "SELECT id, remaining, earned_at, expires_at FROM point_lots "
                           "WHERE customer_id = :c AND remaining > 0 ORDER BY expires_at, earned_at",
       soci::use(customer_id), soci::into(id), soci::into(remaining), soci::into(earned), soci::into(expires));
  st.execute();
  while (st.fetch()) lots.push_back({id, remaining, earned, expires});
  return lots;
}

std::vector<ExpiringPoints> LedgerRepository::expiring_points(const std::string& customer_id, int limit) {
  std::vector<ExpiringPoints> expiring;
  long long points = 0, expires = 0;
  soci::statement st = (session_.prepare << "SELECT expires_at, SUM(remaining) FROM point_lots "
                                            "WHERE customer_id = :c AND remaining > 0 GROUP BY expires_at "
                                            "ORDER BY expires_at LIMIT :n",
                        soci::use(customer_id), soci::use(limit), soci::into(expires), soci::into(points));
  st.execute();
  while (st.fetch()) expiring.push_back({points, expires});
  return expiring;
}

void LedgerRepository::consume(const std::vector<LotConsumption>& consumed) {
  for (const auto& c : consumed) {
    const long long points = c.points;
    session_ << "UPDATE point_lots SET remaining = remaining - :p WHERE id = :id", soci::use(points),
        soci::use(c.lot_id);
  }
}

std::vector<std::string> LedgerRepository::customers_with_expired_lots(std::int64_t now, int limit) {
  const long long at = now;
  return select_texts(session_,
                      "SELECT DISTINCT customer_id FROM point_lots WHERE expires_at <= :n AND remaining > 0 "
                      "ORDER BY customer_id LIMIT :l",
                      at, limit);
}

Page<LedgerEntryRecord> LedgerRepository::list(const std::string& customer_id, int limit,
                                               std::optional<std::int64_t> before_seq) {
  Page<LedgerEntryRecord> page;
  LedgerEntryRecord e;
  e.customer_id = customer_id;  // not selected: the same for every row
  const long long before = before_seq.value_or(INT64_MAX);
  const int fetch = limit + 1;
  const std::string redeem = to_string(LedgerKind::redeem);
  soci::indicator reward_ind = soci::i_null;
  // A redemption's entry names the reward it bought, so that no reader has to
  // look the redemption up (staff may not list a member's redemptions).
  soci::statement st =
      (session_.prepare
           << "SELECT e.id, e.seq, e.occurred_at, e.kind, e.points, e.balance_after, e.reference, e.reason, w.name "
              "FROM ledger_entries e LEFT JOIN redemptions d ON e.kind = :k AND d.id = e.reference "
              "LEFT JOIN rewards w ON w.id = d.reward_id "
              "WHERE e.customer_id = :c AND e.seq < :b ORDER BY e.seq DESC LIMIT :n",
       soci::use(redeem), soci::use(customer_id), soci::use(before), soci::use(fetch), soci::into(e.id),
       soci::into(e.seq), soci::into(e.occurred_at), soci::into(e.kind), soci::into(e.points),
       soci::into(e.balance_after), soci::into(e.reference), soci::into(e.reason), soci::into(e.reward_name, reward_ind));
  st.execute();
  while (st.fetch()) {
    if (reward_ind != soci::i_ok) e.reward_name.clear();
    page.items.push_back(e);
  }
  cut_to_limit(page, limit, [](const auto& last) { return SequenceCursor::after(last.seq); });
  return page;
}

Points LedgerRepository::sum_of_entries(const std::string& customer_id) {
  long long sum = 0;
  soci::indicator ind = soci::i_null;
  session_ << "SELECT SUM(points) FROM ledger_entries WHERE customer_id = :c", soci::use(customer_id),
      soci::into(sum, ind);
  return ind == soci::i_ok ? sum : 0;
}

std::optional<LedgerEntryRecord> LedgerRepository::find(const std::string& entry_id) {
  LedgerEntryRecord e;
  session_ << "SELECT id, customer_id, seq, occurred_at, kind, points, balance_after, reference, reason FROM "
              "ledger_entries WHERE id = :id",
      soci::use(entry_id), soci::into(e.id), soci::into(e.customer_id), soci::into(e.seq), soci::into(e.occurred_at),
      soci::into(e.kind), soci::into(e.points), soci::into(e.balance_after), soci::into(e.reference),
      soci::into(e.reason);
  if (!session_.got_data()) return std::nullopt;
  return e;
}

}  // namespace patron::sql
