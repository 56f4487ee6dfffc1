#pragma once
#include <string>

#include "domain/page_cursor.h"
#include "storage/sql/records.h"

namespace patron::sql {

class RedemptionsStore {
 public:
  virtual ~RedemptionsStore() = default;

  virtual void insert(const RedemptionRecord& redemption) = 0;
  virtual std::int64_t count_for(const std::string& customer_id, const std::string& reward_id) = 0;
  virtual bool code_taken(const std::string& code) = 0;
  // Newest first; the cursor is "created_at:id".
  virtual Page<RedemptionRecord> list_for_customer(const std::string& customer_id, int limit,
                                                   const TimeCursor& cursor) = 0;
};

}  // namespace patron::sql
