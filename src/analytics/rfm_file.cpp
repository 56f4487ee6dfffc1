#include "analytics/rfm_file.h"

#include <algorithm>
#include <cstdint>

#include "analytics/table_builder.h"

namespace patron::analytics {
namespace {

// A line that continues the previous purchase (same customer, same non-empty
// key) adds to its spend, not to the count, as TableBuilder merges it.
class TotalsBuilder {
 public:
  TotalsBuilder(std::string_view text, std::size_t rows) : text_(text) {
    out_.totals.reserve(rows);
    out_.ids.reserve(rows);
  }
  void add(const PurchaseLine& line) {
    const std::uint32_t customer = intern(line.customer_id);
    RfmTotal& total = out_.totals[customer];
    const bool continues = !line.purchase_key.empty() && customer == last_customer_ && line.purchase_key == last_key_;
    if (!continues) {
      total.last_day = std::max(total.last_day, line.day);
      ++total.count;
      out_.last_day = out_.purchases++ == 0 ? line.day : std::max(out_.last_day, line.day);
    }
    total.add_spend(line.amount_minor);
    last_customer_ = customer;
    if (!line.purchase_key.empty() || !last_key_.empty()) last_key_.assign(line.purchase_key);  // CDNOW has none
  }
  RfmFileTotals finish() { return std::move(out_); }

 private:
  std::uint32_t intern(std::string_view id) {
    if (last_customer_ != UINT32_MAX && detail::same_id(out_.ids[last_customer_], id)) return last_customer_;
    const std::uint32_t customer = ids_.intern(id, out_.ids);
    if (customer == out_.totals.size()) {
      out_.totals.emplace_back();
      out_.ids.back() = lasting(id);
    }
    return customer;
  }
  // The id itself when it lies in the text; else (a quoted CSV field, unquoted
  // in the reader's scratch) a copy that lives as long as the result.
  std::string_view lasting(std::string_view id) {
    const auto at = reinterpret_cast<std::uintptr_t>(id.data());
    const auto begin = reinterpret_cast<std::uintptr_t>(text_.data());
    const bool in_text = at >= begin && at + id.size() <= begin + text_.size();
    return in_text ? id : std::string_view(out_.copies.emplace_back(id));
  }
  std::string_view text_;
  RfmFileTotals out_;
  detail::IdIndex ids_;
  std::uint32_t last_customer_ = UINT32_MAX;
  std::string last_key_;
};

}  // namespace

Result<RfmFileTotals> read_rfm_totals(std::string_view text, TransactionFormat format, ReadReport& report) {
  if (text.size() > kMaxTransactionFileBytes) return Error::validation("transactions", "the file is larger than 8 GiB");
  PurchaseLineReader reader(text, format);
  TotalsBuilder builder(text, rows_to_reserve(text.size()));
  PurchaseLine line;
  while (reader.next(line, report)) builder.add(line);
  if (report.lines > 0 && report.accepted == 0) {
    return Error::validation("transactions", "no line could be read in this format");
  }
  return builder.finish();
}

}  // namespace patron::analytics
