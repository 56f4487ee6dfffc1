#pragma once
// The points ledger is append-only. Credits (earn, bonus, positive adjust)
// open lots that expire; debits consume lots oldest-first. Invariant kept by
// every plan below: the sum of the lots' remaining points equals
// max(balance, 0). A reversal may take the balance below zero (the points were
// already spent); the customer then cannot redeem until later credits cover
// the debt, and those credits repay it before opening a lot.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"
#include "domain/result.h"

namespace patron {

enum class LedgerKind { earn, redeem, expire, reverse, adjust, bonus };

const char* to_string(LedgerKind kind);
std::optional<LedgerKind> parse_ledger_kind(const std::string& text);

struct PointLot {
  std::string id;  // the ledger entry that opened it
  Points remaining = 0;
  std::int64_t earned_at = 0;   // epoch seconds
  std::int64_t expires_at = 0;  // epoch seconds
};

struct LotConsumption {
  std::string lot_id;
  Points points = 0;
};

struct DebitPlan {
  std::vector<LotConsumption> consumed;
  Points balance_after = 0;
};

// Lots are consumed in ascending expiry (then earning) order.
std::vector<PointLot> oldest_first(std::vector<PointLot> lots);

// A redemption: never below zero.
Result<DebitPlan> plan_redemption(Points balance, const std::vector<PointLot>& lots, Points points);

// A reversal or a negative adjustment by an administrator with
// allow_negative: takes the balance below zero if the points were spent.
// preferred_lot_id (the lot the reversed purchase opened) is consumed first.
DebitPlan plan_reversal(Points balance, const std::vector<PointLot>& lots, Points points,
                        const std::string& preferred_lot_id);

struct CreditPlan {
  Points balance_after = 0;
  Points lot_points = 0;  // what opens as a lot after repaying any debt
};

CreditPlan plan_credit(Points balance, Points points);

// Open points that expire at one instant (the account view's "expiring soon").
struct ExpiringPoints {
  Points points = 0;
  std::int64_t expires_at = 0;
};

struct ExpiryPlan {
  std::vector<LotConsumption> expired;
  Points points = 0;  // total expired, positive
  Points balance_after = 0;
};

// Lots whose expiry is at or before `now` lose what remains of them.
ExpiryPlan plan_expiry(Points balance, const std::vector<PointLot>& lots, std::int64_t now);

// Earning time + N calendar months (day clamped to the month's length), UTC.
std::int64_t add_months(std::int64_t epoch_seconds, int months);

// Points to reverse so that the reversed total stays proportional to the
// returned value: floor(points_earned × returned_value / total_value), minus
// what earlier returns already reversed. A full return reverses exactly all.
Points points_to_reverse(Points points_earned, MinorUnits total_minor, MinorUnits returned_before_minor,
                         MinorUnits returned_now_minor);

}  // namespace patron
