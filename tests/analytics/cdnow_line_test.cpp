// CDNOW lines of the plain shape are read in one pass; every other shape goes
// to the general parser. Both must give what the file says, whichever path a
// line takes, and the one-pass reader must decline what it cannot read exactly.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "analytics/calendar.h"
#include "analytics/cdnow_line.h"
#include "analytics/table_builder.h"
#include "analytics/transaction_file.h"

namespace patron::analytics {
namespace {

struct Read {
  std::vector<PurchaseLine> lines;
  std::vector<std::string> ids;  // the lines' views die with the reader
  ReadReport report;
};

Read read_all_lines(const std::string& text) {
  Read out;
  std::istringstream input(text);  // the stream path: lines may straddle its blocks
  PurchaseLineReader reader(input, TransactionFormat::cdnow);
  PurchaseLine line;
  while (reader.next(line, out.report)) {
    out.lines.push_back(line);
    out.ids.emplace_back(line.customer_id);
  }
  return out;
}

TEST(CdnowLine, PlainAndOtherShapesReadAlike) {
  const std::string text =
      "customer_id date number_of_cds dollar_value\r\n"
      " 00001 19970101  1   11.77\r\n"  // the master file's shape
      "00002\t19970112\t2\t12.5\n"      // tabs, one decimal
      "3 19970131 1 12.\n"              // a point with no decimals
      "4 19960229 3 5.00   \n"          // a leap day, trailing blanks
      "5 19970101 1 0.125\n"            // three decimals: rounded once, via double
      "6 19970101 1 .5\n"               // no whole part
      "70 7 19970102 1 3.00\n"          // the sample's shape: master id, then the sample's id
      "8 19970101 01 1e2\n"             // an exponent
      "9 19970102 2 7.25";              // no final newline
  const Read read = read_all_lines(text);
  ASSERT_EQ(read.lines.size(), 9u);
  EXPECT_EQ(read.report.rejected_total(), 0u);
  const std::vector<std::string> ids{"00001", "00002", "3", "4", "5", "6", "7", "8", "9"};
  const std::vector<std::int64_t> cents{1177, 1250, 1200, 500, 13, 50, 300, 10000, 725};
  const std::vector<Day> days{day_from_civil(1997, 1, 1),  day_from_civil(1997, 1, 12), day_from_civil(1997, 1, 31),
                              day_from_civil(1996, 2, 29), day_from_civil(1997, 1, 1),  day_from_civil(1997, 1, 1),
                              day_from_civil(1997, 1, 2),  day_from_civil(1997, 1, 1),  day_from_civil(1997, 1, 2)};
  for (std::size_t k = 0; k < ids.size(); ++k) {
    EXPECT_EQ(read.ids[k], ids[k]) << k;
    EXPECT_EQ(read.lines[k].amount_minor, cents[k]) << ids[k];
    EXPECT_EQ(read.lines[k].day, days[k]) << ids[k];
  }
  EXPECT_EQ(read.lines[1].quantity, 2);
  EXPECT_EQ(read.lines[7].quantity, 1);
}

TEST(CdnowLine, BadLinesAreRejectedWithTheGeneralReasons) {
  const std::string text =
      "1 19970229 1 5.00\n"           // no 29 February in 1997
      "2 19971301 1 5.00\n"           // month 13
      "3 19970101 -1 5.00\n"          // negative CDs
      "4 19970101 1 -5.00\n"          // negative dollars
      "5 19970101 2000000000 5.00\n"  // more CDs than the bound
      "6 19970101 1 5.00 extra\n"     // five fields, but not the sample's
      "7 19970101 1 5.00\n";
  const Read read = read_all_lines(text);
  ASSERT_EQ(read.lines.size(), 1u);
  EXPECT_EQ(read.ids[0], "7");
  EXPECT_EQ(read.report.lines, 7u);
  EXPECT_EQ(read.report.rejected.at("bad date"), 3u);  // 29 Feb, month 13, and the shifted five-field line
  EXPECT_EQ(read.report.rejected.at("bad number of CDs"), 2u);
  EXPECT_EQ(read.report.rejected.at("bad dollar value"), 1u);
}

TEST(CdnowLine, TheOnePassReaderDeclinesWhatItCannotReadExactly) {
  PurchaseLine line;
  EXPECT_EQ(detail::read_plain_cdnow_line("1 19970101 1 11.77\n2", false, line), 19u);
  EXPECT_EQ(line.amount_minor, 1177);
  EXPECT_EQ(detail::read_plain_cdnow_line("1 19970101 1 11.77", true, line), 18u);
  EXPECT_EQ(detail::read_plain_cdnow_line("1 19970101 1 11.77", false, line), 0u) << "the line may go on";
  for (const char* other :
       {"1 19970101 1 0.125\n", "1 19970101 1 .5\n", "1 19970101 1 1e2\n", "1 1 19970101 1 3\n", "1 19970101 +1 3\n",
        "1 1997-01-01 1 3\n", "\n", "   \n", "1 19970101 1\n", "1 19970101 1 9999999999999999\n"}) {
    EXPECT_EQ(detail::read_plain_cdnow_line(other, true, line), 0u) << other;
  }
}

// Ids that arrive sorted need no hash table until one comes out of order;
// from then on an id seen before, anywhere, gets its first index.
TEST(IdIndex, SortedIdsThenAnOutOfOrderOneFindTheirFirstIndex) {
  detail::IdIndex index;
  std::vector<std::string> ids;
  EXPECT_EQ(index.intern("a", ids), 0u);
  EXPECT_EQ(index.intern("b", ids), 1u);
  EXPECT_EQ(index.intern("b", ids), 1u);
  EXPECT_EQ(index.intern("c", ids), 2u);
  EXPECT_EQ(index.intern("a", ids), 0u);  // out of order: the table is built here
  EXPECT_EQ(index.intern("b", ids), 1u);
  EXPECT_EQ(index.intern("0", ids), 3u);
  EXPECT_EQ(index.intern("d", ids), 4u);
  EXPECT_EQ(index.intern("0", ids), 3u);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c", "0", "d"}));
}

TEST(IdIndex, ManyIdsOutOfOrderAfterALongSortedRun) {
  detail::IdIndex index;
  std::vector<std::string> ids;
  constexpr std::uint32_t kSorted = 5000;
  for (std::uint32_t k = 0; k < kSorted; ++k) {
    char id[16];
    std::snprintf(id, sizeof id, "%08u", k);
    ASSERT_EQ(index.intern(id, ids), k);
  }
  for (std::uint32_t k = kSorted; k-- > 0;) {
    char id[16];
    std::snprintf(id, sizeof id, "%08u", k);
    ASSERT_EQ(index.intern(id, ids), k);
  }
  EXPECT_EQ(ids.size(), kSorted);
}

}  // namespace
}  // namespace patron::analytics
