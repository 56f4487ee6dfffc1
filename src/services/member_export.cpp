#include "services/member_export.h"

#include "domain/page_cursor.h"
#include "services/members.h"

namespace patron::services {
namespace {

Error export_too_large() {
  return {
      ErrorCode::limit_exceeded, "the export would be larger than " + std::to_string(kMaxExportPages) + " pages", {}};
}

// Every page of a cursor-paged list, in order; fetch(cursor) gives a page
// (a Result<Page> or a Page), with the next cursor or none at the end.
template <typename Item, typename Fetch>
Result<std::vector<Item>> all_pages(Fetch&& fetch) {
  std::vector<Item> items;
  std::string cursor;
  for (int pages = 0; pages < kMaxExportPages; ++pages) {
    auto page = fetch(cursor);
    if constexpr (requires { page.ok(); }) {
      if (!page.ok()) return page.error();
      items.insert(items.end(), page->items.begin(), page->items.end());
      cursor = page->next_cursor.value_or("");
    } else {
      items.insert(items.end(), page.items.begin(), page.items.end());
      cursor = page.next_cursor.value_or("");
    }
    if (cursor.empty()) return items;
  }
  return export_too_large();
}

}  // namespace

Result<MemberRecords> member_records(Session session, const ProgramSettings& program,
                                     const std::string& customer_id, std::int64_t now) {
  Members member(session);
  auto user = member.active(customer_id);
  if (!user.ok()) return user.error();
  MemberRecords out;
  out.profile = std::move(*user);
  if (auto view = Loyalty(session, program).account_view(customer_id, now); view.ok()) out.account = std::move(*view);
  auto purchases = all_pages<TransactionRecord>([&](const std::string& cursor) {
    return member.purchases(customer_id, kExportPageSize, TimeCursor::parse(cursor).value());
  });
  if (!purchases.ok()) return purchases.error();
  out.purchases = std::move(*purchases);
  auto ledger = all_pages<LedgerEntryRecord>([&](const std::string& cursor) {
    return member.ledger(customer_id, kExportPageSize, SequenceCursor::parse(cursor).value());
  });
  if (!ledger.ok()) return ledger.error();
  out.ledger = std::move(*ledger);
  auto vouchers = all_pages<RedemptionRecord>([&](const std::string& cursor) {
    return member.vouchers(customer_id, kExportPageSize, TimeCursor::parse(cursor).value());
  });
  if (!vouchers.ok()) return vouchers.error();
  out.vouchers = std::move(*vouchers);
  return out;
}

Result<BehaviourRecords> behaviour_records(documents::DocumentStore& store, const std::string& customer_id) {
  BehaviourRecords out;
  auto preferences = store.get_preferences(customer_id);
  if (!preferences.ok()) return preferences.error();
  out.preferences = std::move(*preferences);
  auto feedback = all_pages<documents::Feedback>([&](const std::string& cursor) {
    return store.feedback_by_customer(customer_id, {documents::kMaxPageLimit, cursor});
  });
  if (!feedback.ok()) return feedback.error();
  out.feedback = std::move(*feedback);
  auto events = all_pages<documents::Event>([&](const std::string& cursor) {
    return store.customer_events(customer_id, documents::TimeRange::all(), {documents::kMaxEventPageLimit, cursor});
  });
  if (!events.ok()) return events.error();
  out.events = std::move(*events);
  return out;
}

}  // namespace patron::services
