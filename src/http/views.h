#pragma once
// JSON shapes of the contract (shared/spec/api.md), one function per record.
#include "http/exchange.h"
#include "services/loyalty.h"
#include "storage/sql/records.h"

namespace patron::http {

Json profile_json(const sql::UserRecord& user);
Json account_json(const services::AccountView& view);
Json transaction_json(const sql::TransactionRecord& txn);
Json ledger_entry_json(const sql::LedgerEntryRecord& entry);
Json redemption_json(const sql::RedemptionRecord& redemption);

template <typename T, typename F>
Json page_json(const sql::Page<T>& page, F&& to_json) {
  Json items = Json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return {{"items", items}, {"next_cursor", page.next_cursor ? Json(*page.next_cursor) : Json(nullptr)}};
}

}  // namespace patron::http
