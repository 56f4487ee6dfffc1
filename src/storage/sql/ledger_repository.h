#pragma once
// The append-only points ledger and the lots that track what is left of each
// credit for expiry. Entries are only ever inserted; lots are bookkeeping
// derived from them and are updated as they are consumed.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/ledger.h"
#include "storage/sql/records.h"

namespace patron::sql {

class LedgerRepository {
 public:
  explicit LedgerRepository(soci::session& session) : session_(session) {}

  void append(const LedgerEntryRecord& entry);
  void open_lot(const std::string& entry_id, const std::string& customer_id, Points points, std::int64_t earned_at,
                std::int64_t expires_at);
  std::vector<PointLot> open_lots(const std::string& customer_id);
  // Open points summed per expiry instant, soonest first, at most `limit` instants.
  std::vector<ExpiringPoints> expiring_points(const std::string& customer_id, int limit);
  void consume(const std::vector<LotConsumption>& consumed);
  // Customers with at least one open lot expired at `now`.
  std::vector<std::string> customers_with_expired_lots(std::int64_t now, int limit);
  Page<LedgerEntryRecord> list(const std::string& customer_id, int limit, std::optional<std::int64_t> before_seq);
  Points sum_of_entries(const std::string& customer_id);
  std::optional<LedgerEntryRecord> find(const std::string& entry_id);

 private:
  soci::session& session_;
};

}  // namespace patron::sql
