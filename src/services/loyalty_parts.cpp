#include "services/loyalty_parts.h"

#include "domain/checked.h"
#include "services/secrets.h"

namespace patron::services::loyalty_parts {

LedgerEntryRecord append_entry(Session session, AccountRecord& account, LedgerKind kind,
                                    Points signed_points, Points balance_after, const std::string& reference,
                                    const std::string& reason, const std::string& created_by, std::int64_t now) {
  PATRON_INVARIANT(checked_add(account.points_balance, signed_points) == std::optional<Points>(balance_after));
  LedgerEntryRecord entry;
  entry.id = new_id("led");
  entry.customer_id = account.customer_id;
  entry.seq = ++account.entry_count;
  entry.occurred_at = now;
  entry.kind = to_string(kind);
  entry.points = signed_points;
  entry.balance_after = balance_after;
  entry.reference = reference;
  entry.reason = reason;
  entry.created_by = created_by;
  session.stores().ledger().append(entry);
  account.points_balance = balance_after;
  return entry;
}

LedgerEntryRecord credit(Session session, AccountRecord& account, LedgerKind kind, Points points,
                              const std::string& reference, const std::string& reason, const std::string& by,
                              std::int64_t earned_at, std::int64_t now, int expiry_months) {
  const auto plan = plan_credit(account.points_balance, points);
  auto entry = append_entry(session, account, kind, points, plan.balance_after, reference, reason, by, now);
  if (plan.lot_points > 0) {
    session.stores().ledger().open_lot(entry.id, account.customer_id, plan.lot_points, earned_at,
                                            add_months(earned_at, expiry_months));
  }
  return entry;
}

std::optional<Tier> tier_by_code(const std::vector<Tier>& tiers, const std::string& code) {
  for (const auto& tier : tiers) {
    if (tier.code == code) return tier;
  }
  return std::nullopt;
}

void name_applied(std::vector<AppliedRule>& applied, const std::vector<EarningRule>& rules,
                  const std::vector<Tier>& tiers) {
  for (auto& a : applied) {
    if (a.source == "rule") {
      for (const auto& r : rules) {
        if (r.id == a.id) a.name = r.name;
      }
    } else if (a.source == "tier") {
      for (const auto& t : tiers) {
        if (t.code == a.id) a.name = t.name + " tier bonus";
      }
    }
  }
}

Error customer_not_found() { return {ErrorCode::not_found, "customer not found", "customer"}; }
Error account_closed() { return {ErrorCode::account_closed, "this account has been closed", {}}; }

}  // namespace patron::services::loyalty_parts
