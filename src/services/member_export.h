#pragma once
// The member's right of access: everything Patron holds on them, from both
// stores, every page walked. The HTTP layer only writes it out as JSON.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.h"
#include "services/loyalty.h"
#include "services/session.h"
#include "storage/documents/document_store.h"
#include "domain/records.h"

namespace patron::services {

// Pages of 200 rows: a million purchases, entries or vouchers each, and as
// many events, is far beyond any member; past it the export refuses rather
// than loop on.
inline constexpr int kExportPageSize = 200;
inline constexpr int kMaxExportPages = 5'000;

struct MemberRecords {
  UserRecord profile;
  std::optional<AccountView> account;  // none when the member has no points account
  std::vector<TransactionRecord> purchases;
  std::vector<LedgerEntryRecord> ledger;
  std::vector<RedemptionRecord> vouchers;
};

struct BehaviourRecords {
  std::optional<std::string> preferences;  // the stored JSON document
  std::vector<documents::Feedback> feedback;
  std::vector<documents::Event> events;
};

// account_not_found for an erased or disabled member.
Result<MemberRecords> member_records(Session session, const ProgramSettings& program,
                                     const std::string& customer_id, std::int64_t now);
Result<BehaviourRecords> behaviour_records(documents::DocumentStore& store, const std::string& customer_id);

}  // namespace patron::services
