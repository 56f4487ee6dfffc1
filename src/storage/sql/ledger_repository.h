#pragma once
// The SOCI adapter of the LedgerStore port (storage/sql/ledger_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <optional>
#include <string>
#include <vector>

#include "storage/sql/ledger_store.h"

namespace patron::sql {

class LedgerRepository final : public LedgerStore {
 public:
  explicit LedgerRepository(soci::session& session) : session_(session) {}

  void append(const LedgerEntryRecord& entry) override;
  void open_lot(const std::string& entry_id, const std::string& customer_id, Points points, std::int64_t earned_at,
                std::int64_t expires_at) override;
  std::vector<PointLot> open_lots(const std::string& customer_id) override;
  // Open points summed per expiry instant, soonest first, at most `limit` instants.
  std::vector<ExpiringPoints> expiring_points(const std::string& customer_id, int limit) override;
  void consume(const std::vector<LotConsumption>& consumed) override;
  // Customers with at least one open lot expired at `now`.
  std::vector<std::string> customers_with_expired_lots(std::int64_t now, int limit) override;
  Page<LedgerEntryRecord> list(const std::string& customer_id, int limit,
                               std::optional<std::int64_t> before_seq) override;
  Points sum_of_entries(const std::string& customer_id) override;
  std::optional<LedgerEntryRecord> find(const std::string& entry_id) override;

  // ledger_repository_redemptions.cpp
  void insert_redemption(const RedemptionRecord& redemption) override;
  std::int64_t count_redemptions(const std::string& customer_id, const std::string& reward_id) override;
  bool redemption_code_taken(const std::string& code) override;
  Page<RedemptionRecord> redemptions_of(const std::string& customer_id, int limit, const TimeCursor& cursor) override;

 private:
  soci::session& session_;
};

}  // namespace patron::sql
