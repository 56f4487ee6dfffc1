#pragma once
// JSON shapes of the contract (shared/spec/api.md), one function per record.
#include <map>
#include <string>

#include "domain/records.h"
#include "http/exchange.h"
#include "services/loyalty.h"

namespace patron::http {

Json profile_json(const UserRecord& user);
Json account_json(const services::AccountView& view);
Json transaction_json(const TransactionRecord& txn);
// A page of purchases, each with its store's name beside its id (`store_name`,
// null when the store is unknown): customers and cashiers read names, not ids.
Json transactions_page_json(const Page<TransactionRecord>& page, const std::map<std::string, std::string>& store_names);
Json ledger_entry_json(const LedgerEntryRecord& entry);
// A voucher: its code, when it expires (null: valid until used) and its status
// at `now` ("valid" or "expired"); the one-argument form reads the clock.
Json redemption_json_at(const RedemptionRecord& redemption, std::int64_t now);
Json redemption_json(const RedemptionRecord& redemption);

// A page of any list: {"items": [...], "next_cursor": text or null}.
template <typename PageOfItems, typename F>
Json page_json(const PageOfItems& page, F&& to_json) {
  Json items = Json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return {{"items", items}, {"next_cursor", page.next_cursor ? Json(*page.next_cursor) : Json(nullptr)}};
}

}  // namespace patron::http
