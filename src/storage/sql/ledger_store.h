#pragma once
// The append-only points ledger and the lots that track what is left of each
// credit for expiry. Entries are only ever inserted; lots are bookkeeping
// derived from them and are updated as they are consumed. A redemption
// records what a debit bought: the reward, its voucher code and expiry.
#include <optional>
#include <string>
#include <vector>

#include "domain/ledger.h"
#include "domain/page_cursor.h"
#include "storage/sql/records.h"

namespace patron::sql {

class LedgerStore {
 public:
  virtual ~LedgerStore() = default;

  virtual void append(const LedgerEntryRecord& entry) = 0;
  virtual void open_lot(const std::string& entry_id, const std::string& customer_id, Points points,
                        std::int64_t earned_at, std::int64_t expires_at) = 0;
  virtual std::vector<PointLot> open_lots(const std::string& customer_id) = 0;
  // Open points summed per expiry instant, soonest first, at most `limit` instants.
  virtual std::vector<ExpiringPoints> expiring_points(const std::string& customer_id, int limit) = 0;
  virtual void consume(const std::vector<LotConsumption>& consumed) = 0;
  // Customers with at least one open lot expired at `now`.
  virtual std::vector<std::string> customers_with_expired_lots(std::int64_t now, int limit) = 0;
  virtual Page<LedgerEntryRecord> list(const std::string& customer_id, int limit,
                                       std::optional<std::int64_t> before_seq) = 0;
  virtual Points sum_of_entries(const std::string& customer_id) = 0;
  virtual std::optional<LedgerEntryRecord> find(const std::string& entry_id) = 0;

  virtual void insert_redemption(const RedemptionRecord& redemption) = 0;
  virtual std::int64_t count_redemptions(const std::string& customer_id, const std::string& reward_id) = 0;
  virtual bool redemption_code_taken(const std::string& code) = 0;
  // Newest first; the cursor is "created_at:id".
  virtual Page<RedemptionRecord> redemptions_of(const std::string& customer_id, int limit,
                                                const TimeCursor& cursor) = 0;
};

}  // namespace patron::sql
