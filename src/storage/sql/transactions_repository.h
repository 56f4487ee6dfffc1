#pragma once
// The SOCI adapter of the TransactionsStore port (storage/sql/transactions_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <optional>
#include <string>

#include "storage/sql/transactions_store.h"

namespace patron::sql {

class TransactionsRepository final : public TransactionsStore {
 public:
  explicit TransactionsRepository(soci::session& session) : session_(session) {}

  bool insert(const TransactionRecord& txn, std::int64_t now) override;
  std::optional<TransactionRecord> find(const std::string& id) override;  // with lines
  std::optional<std::string> find_by_external_id(const std::string& store_id, const std::string& external_id) override;
  // Newest first; the cursor is "occurred_at:id".
  Page<TransactionRecord> list_for_customer(const std::string& customer_id, int limit,
                                            const TimeCursor& cursor) override;
  // Net spend since `since`, over the latest max_purchases_in_spend_window
  // purchases: bounded so that the sum cannot overflow (domain/limits.h).
  MinorUnits qualifying_spend(const std::string& customer_id, std::int64_t since) override;
  void record_return(const TransactionRecord& after_return, const std::string& return_id, MinorUnits amount_minor,
                     Points points_reversed, const std::string& ledger_entry_id, std::int64_t now) override;

 private:
  void insert_rows(const TransactionRecord& txn, std::int64_t now);  // the purchase and its lines
  std::vector<TransactionLineRecord> lines_of(const std::string& transaction_id);
  soci::session& session_;
};

}  // namespace patron::sql
