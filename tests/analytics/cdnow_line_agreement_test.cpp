// The one-pass CDNOW reader against the general parser, line by line: on every
// line of CDNOW_master.txt and on many mangled copies of them, whatever the
// one-pass reader accepts it must read exactly as the general parser does.
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analytics/cdnow_line.h"
#include "analytics/transaction_file.h"
#include "test_data.h"

namespace patron::analytics {
namespace {

constexpr std::uint32_t kSeed = 20261201;
constexpr int kMangledCopiesPerLine = 3;

struct Agreement {
  std::size_t accepted = 0;  // lines the one-pass reader took
  std::size_t declined = 0;
};

// The general parser's reading of one line (a reader's first line never takes the one-pass path).
std::optional<PurchaseLine> general_reading(const std::string& line, std::string& id) {
  std::istringstream input(line);
  PurchaseLineReader reader(input, TransactionFormat::cdnow);
  PurchaseLine read;
  ReadReport report;
  if (!reader.next(read, report)) return std::nullopt;
  id.assign(read.customer_id);
  return read;
}

void expect_agreement(const std::string& line, Agreement& tally) {
  PurchaseLine plain;
  const std::string terminated = line + "\n";
  const std::size_t used = detail::read_plain_cdnow_line(terminated, false, plain);
  if (used == 0) {
    ++tally.declined;
    return;
  }
  ++tally.accepted;
  EXPECT_EQ(used, terminated.size()) << line;
  std::string general_id;
  const auto general = general_reading(line, general_id);
  ASSERT_TRUE(general.has_value()) << "the one-pass reader took a line the general parser refuses: [" << line << "]";
  EXPECT_EQ(std::string(plain.customer_id), general_id) << line;
  EXPECT_EQ(plain.day, general->day) << line;
  EXPECT_EQ(plain.quantity, general->quantity) << line;
  EXPECT_EQ(plain.amount_minor, general->amount_minor) << line;
}

std::string mangled(std::string line, std::mt19937& random) {
  static constexpr std::string_view kAlphabet = " \t\r.0123456789-+e";
  std::uniform_int_distribution<std::size_t> position(0, line.size());
  std::uniform_int_distribution<std::size_t> letter(0, kAlphabet.size() - 1);
  const std::size_t at = position(random);
  switch (random() % 3) {
    case 0:
      line.insert(at, 1, kAlphabet[letter(random)]);
      break;
    case 1:
      if (at < line.size()) line.erase(at, 1);
      break;
    default:
      if (at < line.size()) line[at] = kAlphabet[letter(random)];
  }
  return line;
}

TEST(CdnowLineAgreement, EveryMasterLineAndManyMangledOnesReadAsTheGeneralParserReadsThem) {
  auto input = testing::open_or_fail(testing::shared_data("cdnow/CDNOW_master.txt"));
  std::string line;
  std::getline(input, line);  // the header
  std::mt19937 random(kSeed);
  Agreement tally;
  std::size_t lines = 0;
  while (std::getline(input, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ++lines;
    expect_agreement(line, tally);
    for (int copy = 0; copy < kMangledCopiesPerLine; ++copy) expect_agreement(mangled(line, random), tally);
    if (HasFailure()) break;  // one line's story is enough
  }
  EXPECT_EQ(lines, 69659u);
  EXPECT_GE(tally.accepted, lines) << "every master line is of the plain shape";
  EXPECT_GT(tally.declined, lines / 2) << "the mangled copies exercise the declining paths";
}

}  // namespace
}  // namespace patron::analytics
