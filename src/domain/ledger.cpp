#include "domain/ledger.h"

#include <algorithm>
#include <chrono>
#include "domain/checked.h"
#include "domain/enum_names.h"

namespace patron {

namespace {

constexpr auto kLedgerKindNames = enumerator_names(LedgerKind::adjust);

}  // namespace

const char* to_string(LedgerKind kind) { return kLedgerKindNames.name(kind); }

std::optional<LedgerKind> parse_ledger_kind(const std::string& text) { return kLedgerKindNames.parse(text); }

std::vector<PointLot> oldest_first(std::vector<PointLot> lots) {
  std::stable_sort(lots.begin(), lots.end(), [](const PointLot& a, const PointLot& b) {
    if (a.expires_at != b.expires_at) return a.expires_at < b.expires_at;
    return a.earned_at < b.earned_at;
  });
  return lots;
}

namespace {

Points consume(std::vector<LotConsumption>& out, const PointLot& lot, Points wanted) {
  const Points taken = std::min(wanted, lot.remaining);
  if (taken > 0) out.push_back({lot.id, taken});
  return taken;
}

// What a plan takes from the lots, each part positive; sums of lot remainders
// are bounded by the balance ceiling, so the sum cannot overflow.
Points consumed_total(const std::vector<LotConsumption>& parts) {
  Points total = 0;
  for (const auto& part : parts) {
    PATRON_INVARIANT(part.points > 0);
    total += part.points;
  }
  return total;
}

}  // namespace

Result<DebitPlan> plan_redemption(Points balance, const std::vector<PointLot>& lots, Points points) {
  PATRON_INVARIANT(points > 0);
  if (balance < points) {
    return Error{ErrorCode::insufficient_points, "the balance does not cover this redemption", {}};
  }
  DebitPlan plan;
  Points left = points;
  for (const auto& lot : oldest_first(lots)) {
    if (left == 0) break;
    left -= consume(plan.consumed, lot, left);
  }
  // The lots sum to the balance, which covers the points; if stored lots ever
  // disagree, the redemption is refused rather than the process stopped.
  if (left != 0) return Error{ErrorCode::internal, "the account's point lots do not match its balance", {}};
  plan.balance_after = balance - points;
  PATRON_INVARIANT(consumed_total(plan.consumed) == points && plan.balance_after >= 0);
  return plan;
}

DebitPlan plan_reversal(Points balance, const std::vector<PointLot>& lots, Points points,
                        const std::string& preferred_lot_id) {
  PATRON_INVARIANT(points >= 0);
  DebitPlan plan;
  Points left = points;
  auto ordered = oldest_first(lots);
  for (const auto& lot : ordered) {
    if (lot.id == preferred_lot_id) left -= consume(plan.consumed, lot, left);
  }
  for (const auto& lot : ordered) {
    if (left == 0) break;
    if (lot.id != preferred_lot_id) left -= consume(plan.consumed, lot, left);
  }
  plan.balance_after = balance - points;
  // A reversal takes what the lots still hold, at most the points; the rest is debt.
  PATRON_INVARIANT(consumed_total(plan.consumed) == points - left && left >= 0);
  return plan;
}

CreditPlan plan_credit(Points balance, Points points) {
  PATRON_INVARIANT(points > 0);
  CreditPlan plan;
  plan.balance_after = balance + points;
  const Points debt = balance < 0 ? -balance : 0;
  plan.lot_points = std::max<Points>(0, points - debt);
  // A credit repays debt first: the lot opened is what the balance rises above zero.
  PATRON_INVARIANT(plan.lot_points <= points &&
                   plan.lot_points == std::max<Points>(0, plan.balance_after) - std::max<Points>(0, balance));
  return plan;
}

ExpiryPlan plan_expiry(Points balance, const std::vector<PointLot>& lots, std::int64_t now) {
  ExpiryPlan plan;
  for (const auto& lot : oldest_first(lots)) {
    if (lot.expires_at > now || lot.remaining <= 0) continue;
    plan.expired.push_back({lot.id, lot.remaining});
    plan.points += lot.remaining;
  }
  plan.balance_after = balance - plan.points;
  PATRON_INVARIANT(plan.points >= 0 && consumed_total(plan.expired) == plan.points);
  return plan;
}

std::int64_t add_months(std::int64_t epoch_seconds, int months) {
  using namespace std::chrono;
  const sys_seconds when{seconds{epoch_seconds}};
  const auto day_point = floor<days>(when);
  const year_month_day ymd{day_point};
  const auto time_of_day = when - day_point;
  auto target = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const auto last_day = year_month_day_last{target.year(), month_day_last{target.month()}}.day();
  const auto day = std::min(ymd.day(), last_day);
  const sys_days target_day{year_month_day{target.year(), target.month(), day}};
  return duration_cast<seconds>((target_day + time_of_day).time_since_epoch()).count();
}

__extension__ using Wide = __int128;  // points × amounts exceed int64

Points points_to_reverse(Points points_earned, MinorUnits total_minor, MinorUnits returned_before_minor,
                         MinorUnits returned_now_minor) {
  if (total_minor <= 0 || points_earned <= 0) return 0;
  const auto reversed_through = [&](MinorUnits returned_minor) {
    return static_cast<Points>(Wide(points_earned) * std::min(returned_minor, total_minor) / total_minor);
  };
  return reversed_through(returned_before_minor + returned_now_minor) - reversed_through(returned_before_minor);
}

}  // namespace patron
