#pragma once
// RFM: per customer the days since the last purchase (recency), the number of
// purchases (frequency) and the total spend (monetary), each scored 1..5 by
// quintile (5 = most recent / most frequent / highest spend), and the named
// segment of the (R, FM) cell. docs/analytics.md gives the rules.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "analytics/calendar.h"
#include "analytics/transactions.h"
#include "domain/checked.h"

namespace patron::analytics {

enum class Segment : std::uint8_t {
  champions,
  loyal,
  potential_loyalist,
  new_customers,
  promising,
  need_attention,
  about_to_sleep,
  at_risk,
  cant_lose_them,
  hibernating,
  lost,
};
inline constexpr std::size_t kSegmentCount = 11;

std::string_view segment_name(Segment segment);  // "Champions", "Can't Lose Them", ...

// FM = the mean of F and M rounded half up; the segment is a lookup in a 5x5
// grid of R by FM.
Segment segment_of(int r_score, int f_score, int m_score);

struct RfmOptions {
  Day as_of = 0;  // recency is counted to this day; usually the day after the last purchase
  unsigned workers = 0;
};

struct RfmTable {
  std::vector<std::uint32_t> customer_index;  // customers with at least one purchase
  std::vector<std::int32_t> recency_days;
  std::vector<std::uint32_t> frequency;
  std::vector<std::int64_t> monetary_minor;
  std::vector<std::uint8_t> r_score, f_score, m_score;
  std::vector<Segment> segment;

  std::size_t size() const { return customer_index.size(); }
};

RfmTable compute_rfm(const TransactionColumns& purchases, std::size_t customer_count, const RfmOptions& options);

// compute_rfm in its two steps, for a caller that holds the purchases for RFM
// alone and frees them before scoring (their pages then serve the scores).
// A customer's running totals, kept together so that adding a purchase
// touches one cache line, not three.
struct RfmTotal {
  Day last_day = std::numeric_limits<Day>::min();  // no purchase yet
  std::uint32_t count = 0;
  std::int64_t spend_minor = 0;

  // Amounts are never negative; their sum saturates at the int64 ceiling
  // instead of wrapping, so a file of hostile prices scores its buyer as the
  // top spender rather than a negative one.
  void add_spend(std::int64_t amount_minor) {
    spend_minor = checked_add(spend_minor, amount_minor).value_or(std::numeric_limits<std::int64_t>::max());
  }
};
std::vector<RfmTotal> total_rfm(const TransactionColumns& purchases, std::size_t customer_count, unsigned workers);
RfmTable score_rfm(const std::vector<RfmTotal>& totals, const RfmOptions& options);

// The day after the last purchase: the usual "as of" for a history.
Day day_after_last_purchase(const TransactionColumns& purchases);

}  // namespace patron::analytics
