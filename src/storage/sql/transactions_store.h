#pragma once
// Purchases with their lines, and the returns against them.
#include <optional>
#include <string>

#include "domain/page_cursor.h"
#include "storage/sql/records.h"

namespace patron::sql {

class TransactionsStore {
 public:
  virtual ~TransactionsStore() = default;

  // Records the purchase with its lines. False when it carries an external_id
  // that another transaction recorded first for the same store (on a server
  // this waits for that transaction to end); other failures are thrown.
  virtual bool insert(const TransactionRecord& txn, std::int64_t now) = 0;
  virtual std::optional<TransactionRecord> find(const std::string& id) = 0;  // with lines
  virtual std::optional<std::string> find_by_external_id(const std::string& store_id,
                                                         const std::string& external_id) = 0;
  // Newest first; the cursor is "occurred_at:id".
  virtual Page<TransactionRecord> list_for_customer(const std::string& customer_id, int limit,
                                                    const TimeCursor& cursor) = 0;
  // Net spend since `since`, over the latest max_purchases_in_spend_window
  // purchases: bounded so that the sum cannot overflow (domain/limits.h).
  virtual MinorUnits qualifying_spend(const std::string& customer_id, std::int64_t since) = 0;
  virtual void record_return(const TransactionRecord& after_return, const std::string& return_id,
                             MinorUnits amount_minor, Points points_reversed, const std::string& ledger_entry_id,
                             std::int64_t now) = 0;
};

}  // namespace patron::sql
