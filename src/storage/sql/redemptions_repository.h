#pragma once
// The SOCI adapter of the RedemptionsStore port (storage/sql/redemptions_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <string>

#include "storage/sql/redemptions_store.h"

namespace patron::sql {

class RedemptionsRepository final : public RedemptionsStore {
 public:
  explicit RedemptionsRepository(soci::session& session) : session_(session) {}

  void insert(const RedemptionRecord& redemption) override;
  std::int64_t count_for(const std::string& customer_id, const std::string& reward_id) override;
  bool code_taken(const std::string& code) override;
  // Newest first; the cursor is "created_at:id".
  Page<RedemptionRecord> list_for_customer(const std::string& customer_id, int limit,
                                           const TimeCursor& cursor) override;

 private:
  soci::session& session_;
};

}  // namespace patron::sql
