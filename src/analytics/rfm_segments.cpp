#include "analytics/rfm.h"

#include <array>
#include <cassert>

namespace patron::analytics {
namespace {

using S = Segment;
// Rows R = 1..5 (5 = most recent), columns FM = 1..5. The cells follow the
// common R x F segment map, read with FM so that spend counts as well as
// visits; "Lost" is the corner of the oldest, lowest-value customers.
constexpr std::array<std::array<Segment, 5>, 5> kGrid{{
    {S::lost, S::hibernating, S::at_risk, S::at_risk, S::cant_lose_them},
    {S::hibernating, S::hibernating, S::at_risk, S::at_risk, S::cant_lose_them},
    {S::about_to_sleep, S::about_to_sleep, S::need_attention, S::loyal, S::loyal},
    {S::promising, S::potential_loyalist, S::potential_loyalist, S::loyal, S::loyal},
    {S::new_customers, S::potential_loyalist, S::potential_loyalist, S::champions, S::champions},
}};

constexpr std::array<std::string_view, kSegmentCount> kNames{
    "Champions", "Loyal", "Potential Loyalist", "New", "Promising", "Need Attention",
    "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost"};

}  // namespace

std::string_view segment_name(Segment segment) { return kNames[static_cast<std::size_t>(segment)]; }

Segment segment_of(int r_score, int f_score, int m_score) {
  assert(r_score >= 1 && r_score <= 5 && f_score >= 1 && f_score <= 5 && m_score >= 1 && m_score <= 5);
  const int fm_score = (f_score + m_score + 1) / 2;
  return kGrid[r_score - 1][fm_score - 1];
}

}  // namespace patron::analytics
