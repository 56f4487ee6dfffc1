#include "services/feedback_sentiment.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

namespace patron::services {
namespace {

constexpr std::int64_t kMillisecondsPerDay = 86'400'000;

// "YYYY-MM" of a time in milliseconds since the epoch, UTC.
std::string month_of(std::int64_t at_ms) {
  using namespace std::chrono;
  const year_month_day day{floor<days>(sys_time<milliseconds>{milliseconds{at_ms}})};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()));
  return text;
}

std::vector<SentimentGroup> most_reviewed(const std::map<std::string, SentimentTotals>& groups) {
  std::vector<SentimentGroup> sorted;
  for (const auto& [key, totals] : groups) sorted.push_back({key, totals});
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& l, const auto& r) { return l.totals.count > r.totals.count; });
  if (sorted.size() > kTopGroupsShown) sorted.resize(kTopGroupsShown);
  return sorted;
}

}  // namespace

void SentimentTotals::add(double sentiment) {
  ++count;
  sum += sentiment;
  (sentiment >= kNeutralBand ? positive : sentiment <= -kNeutralBand ? negative : neutral) += 1;
}

std::optional<double> SentimentTotals::average() const {
  if (count == 0) return std::nullopt;
  return sum / static_cast<double>(count);
}

Result<SentimentReport> feedback_sentiment(documents::DocumentStore& store, int days, std::int64_t now_seconds) {
  if (days < 1 || days > kMaxSentimentDays) return Error::validation("days", "must be an integer from 1 to 3660");
  const std::int64_t to_ms = (now_seconds + 1) * 1000;  // through the current second
  const documents::TimeRange range{std::max<std::int64_t>(0, to_ms - std::int64_t{days} * kMillisecondsPerDay), to_ms};
  SentimentReport report;
  report.from_ms = range.from_ms;
  std::map<std::string, SentimentTotals> by_product, by_store, by_month;
  documents::PageRequest page{documents::kMaxPageLimit, ""};
  while (true) {
    auto feedback = store.feedback_between(range, page);
    if (!feedback.ok()) return feedback.error();
    for (const auto& item : feedback->items) {
      report.overall.add(item.sentiment);
      if (!item.product_sku.empty()) by_product[item.product_sku].add(item.sentiment);
      if (!item.store_id.empty()) by_store[item.store_id].add(item.sentiment);
      by_month[month_of(item.created_at_ms)].add(item.sentiment);
    }
    if (!feedback->next_cursor) break;
    if (report.overall.count >= kMaxFeedbackScanned) {
      report.truncated = true;
      break;
    }
    page.cursor = *feedback->next_cursor;
  }
  report.by_product = most_reviewed(by_product);
  report.by_store = most_reviewed(by_store);
  for (const auto& [month, totals] : by_month)
    report.months.push_back({month, totals});  // "YYYY-MM" sorts as time does
  return report;
}

}  // namespace patron::services
