// read_transactions: the file in memory, cut into slices at line ends that do
// not split a purchase, each slice parsed on a core of its own with its own
// id table, then joined in file order (so ids, purchases and the report come
// out exactly as one pass over the file would give them).
#include <charconv>

#include "analytics/parallel.h"
#include "analytics/table_builder.h"
#include "analytics/transaction_file.h"

namespace patron::analytics {
namespace {

constexpr std::size_t kSliceBytes = 4 << 20;        // below this a slice is not worth a thread and a join
constexpr std::size_t kMaxBoundaryShift = 1 << 16;  // lines a cut may move to keep a purchase whole
constexpr std::size_t kReadBlock = 1 << 20;

struct Slice {
  TransactionTable table;
  ReadReport report;
};

Slice read_slice(std::string_view text, TransactionFormat format, bool first) {
  PurchaseLineReader reader(text, format, first);
  detail::TableBuilder builder(rows_to_reserve(text.size()));
  Slice out;
  PurchaseLine line;
  while (reader.next(line, out.report)) builder.add(line);
  out.table = builder.finish();
  return out;
}

std::string_view line_at(std::string_view text, std::size_t start) {
  const std::size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// The start of the line after `at`, moved on while that line continues the
// purchase of the line before it.
std::size_t cut_after(std::string_view text, std::size_t at, TransactionFormat format) {
  std::size_t cut = text.find('\n', at);
  if (cut == std::string_view::npos) return text.size();
  ++cut;
  for (std::size_t moved = 0; cut < text.size() && moved < kMaxBoundaryShift; ++moved) {
    const std::size_t newline = cut >= 2 ? text.rfind('\n', cut - 2) : std::string_view::npos;
    const std::size_t previous = newline == std::string_view::npos ? 0 : newline + 1;
    if (!detail::same_purchase(format, line_at(text, previous), line_at(text, cut))) return cut;
    const std::size_t next = text.find('\n', cut);
    cut = next == std::string_view::npos ? text.size() : next + 1;
  }
  return text.size();  // a purchase longer than the shift allows: no cut here
}

std::vector<std::string_view> slices_of(std::string_view text, TransactionFormat format) {
  const unsigned workers = workers_for(text.size(), kSliceBytes, 0);
  std::vector<std::string_view> slices;
  std::size_t start = 0;
  for (unsigned k = 1; k < workers && start < text.size(); ++k) {
    const std::size_t target = text.size() * k / workers;
    if (target <= start) continue;
    const std::size_t cut = cut_after(text, target, format);
    slices.push_back(text.substr(start, cut - start));
    start = cut;
  }
  if (start < text.size() || slices.empty()) slices.push_back(text.substr(start));
  return slices;
}

// "line N: reason" counted from the slice's first line, renumbered for the file.
std::string renumbered(const std::string& example, std::size_t lines_before) {
  std::size_t line = 0;
  const auto* digits = example.data() + 5;  // after "line "
  const auto [end, error] = std::from_chars(digits, example.data() + example.size(), line);
  if (error != std::errc{} || example.rfind("line ", 0) != 0) return example;
  return "line " + std::to_string(line + lines_before) + std::string(end, example.data() + example.size());
}

void merge_report(ReadReport& report, const ReadReport& part) {
  for (const auto& example : part.examples) {
    if (report.examples.size() < 10) report.examples.push_back(renumbered(example, report.lines));
  }
  report.lines += part.lines;
  report.accepted += part.accepted;
  for (const auto& [reason, count] : part.rejected) report.rejected[reason] += count;
}

void join(TransactionTable& all, detail::IdIndex& ids, ReadReport& report, Slice&& part) {
  std::vector<std::uint32_t> global(part.table.customer_ids.size());
  for (std::size_t k = 0; k < global.size(); ++k) global[k] = ids.intern(part.table.customer_ids[k], all.customer_ids);
  const auto& p = part.table.purchases;
  all.purchases.reserve(all.purchases.size() + p.size());
  for (std::size_t row = 0; row < p.size(); ++row) {
    all.purchases.push_back(global[p.customer_index[row]], p.day[row], p.amount_minor[row]);
  }
  merge_report(report, part.report);
}

bool read_whole(std::istream& input, std::string& text, const ReadProgress& progress) {
  while (input) {
    const std::size_t kept = text.size();
    if (kept + kReadBlock > kMaxTransactionFileBytes) return false;
    text.resize(kept + kReadBlock);
    input.read(text.data() + kept, static_cast<std::streamsize>(kReadBlock));
    text.resize(kept + static_cast<std::size_t>(input.gcount()));
    if (progress) progress(text.size() / 2);  // reading is about half of the work
  }
  return true;
}

}  // namespace

Result<TransactionTable> read_transactions(std::string_view text, TransactionFormat format, ReadReport& report) {
  if (text.size() > kMaxTransactionFileBytes) return Error::validation("transactions", "the file is larger than 8 GiB");
  const auto slices = slices_of(text, format);
  std::vector<Slice> parts(slices.size());
  parallel_chunks(slices.size(), static_cast<unsigned>(slices.size()),
                  [&](std::size_t, std::size_t, unsigned k) { parts[k] = read_slice(slices[k], format, k == 0); });
  TransactionTable table;
  if (parts.size() == 1) {  // nothing to join: the slice is the table
    table = std::move(parts[0].table);
    merge_report(report, parts[0].report);
  } else {
    detail::IdIndex ids;
    for (auto& part : parts) join(table, ids, report, std::move(part));
  }
  if (report.lines > 0 && report.accepted == 0) {
    return Error::validation("transactions", "no line could be read in this format");
  }
  return table;
}

Result<TransactionTable> read_transactions(std::istream& input, TransactionFormat format, ReadReport& report,
                                           const ReadProgress& progress) {
  std::string text;
  if (!read_whole(input, text, progress)) return Error::validation("transactions", "the file is larger than 8 GiB");
  auto table = read_transactions(std::string_view(text), format, report);
  if (progress) progress(text.size());
  return table;
}

}  // namespace patron::analytics
