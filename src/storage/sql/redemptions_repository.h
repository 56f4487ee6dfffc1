#pragma once
#include <string>

#include <soci/soci.h>

#include "domain/page_cursor.h"
#include "storage/sql/records.h"

namespace patron::sql {

class RedemptionsRepository {
 public:
  explicit RedemptionsRepository(soci::session& session) : session_(session) {}

  void insert(const RedemptionRecord& redemption);
  std::int64_t count_for(const std::string& customer_id, const std::string& reward_id);
  bool code_taken(const std::string& code);
  // Newest first; the cursor is "created_at:id".
  Page<RedemptionRecord> list_for_customer(const std::string& customer_id, int limit, const TimeCursor& cursor);

 private:
  soci::session& session_;
};

}  // namespace patron::sql
