#include "storage/sql/history_reader.h"

#include <cassert>
#include <unordered_map>

namespace patron::sql {
namespace {

constexpr long long kSecondsPerDay = 86'400;

analytics::Day day_of(long long epoch_seconds) {
  const long long day = epoch_seconds / kSecondsPerDay;
  return static_cast<analytics::Day>(epoch_seconds < 0 && day * kSecondsPerDay != epoch_seconds ? day - 1 : day);
}

// Dense ids for strings seen while streaming.
class Interner {
 public:
  explicit Interner(std::vector<std::string>& names) : names_(names) {}
  std::uint32_t id(const std::string& name) {
    auto [it, inserted] = index_.try_emplace(name, static_cast<std::uint32_t>(names_.size()));
    if (inserted) names_.push_back(name);
    return it->second;
  }
  std::uint32_t attribute(const std::string& name) { return name.empty() ? analytics::kNoAttribute : id(name); }
  void reserve(std::size_t count) { index_.reserve(count); }

 private:
  std::vector<std::string>& names_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

std::size_t count_rows(soci::session& session, const char* table) {
  long long count = 0;
  session << "SELECT COUNT(*) FROM " << table, soci::into(count);
  return static_cast<std::size_t>(count);
}

void read_catalogue(soci::session& session, StoredHistory& history, Interner& items) {
  Interner categories(history.category_names), brands(history.brand_names);
  std::vector<std::string> sku(kHistoryFetchRows), category(kHistoryFetchRows), brand(kHistoryFetchRows);
  soci::statement st = (session.prepare << "SELECT sku, category, brand FROM products", soci::into(sku),
                        soci::into(category), soci::into(brand));
  st.execute();
  while (st.fetch()) {
    for (std::size_t i = 0; i < sku.size(); ++i) {
      const std::uint32_t item = items.id(sku[i]);
      history.item_category.resize(history.item_sku.size(), analytics::kNoAttribute);
      history.item_brand.resize(history.item_sku.size(), analytics::kNoAttribute);
      history.item_category[item] = categories.attribute(category[i]);
      history.item_brand[item] = brands.attribute(brand[i]);
    }
    sku.resize(kHistoryFetchRows);
    category.resize(kHistoryFetchRows);
    brand.resize(kHistoryFetchRows);
  }
}

// The lines cursor, consumed alongside the transactions in id order.
class LineCursor {
 public:
  explicit LineCursor(soci::session& session)
      : transaction_(kHistoryFetchRows), sku_(kHistoryFetchRows), amount_(kHistoryFetchRows),
        statement_((session.prepare << "SELECT transaction_id, sku, (quantity - returned_quantity) * unit_price_minor "
                                       "FROM transaction_lines ORDER BY transaction_id, line_no",
                    soci::into(transaction_), soci::into(sku_), soci::into(amount_))) {
    statement_.execute();
    refill();
  }

  // Appends the lines of transaction `id` (purchase `row`), skipping lines
  // of transactions that sort before it (orphans: none under the schema).
  void take(const std::string& id, std::uint32_t row, Interner& items, analytics::LineColumns& lines) {
    while (at_ < transaction_.size() || refill()) {
      const std::string& line_txn = transaction_[at_];
      if (line_txn > id) return;
      if (line_txn == id) lines.push_back(row, items.id(sku_[at_]), amount_[at_]);
      ++at_;
    }
  }

 private:
  bool refill() {
    if (done_) return false;
    transaction_.resize(kHistoryFetchRows);
    sku_.resize(kHistoryFetchRows);
    amount_.resize(kHistoryFetchRows);
    done_ = !statement_.fetch();
    if (done_) transaction_.clear();
    at_ = 0;
    return !transaction_.empty();
  }

  std::vector<std::string> transaction_, sku_;
  std::vector<long long> amount_;
  soci::statement statement_;
  std::size_t at_ = 0;
  bool done_ = false;
};

}  // namespace

StoredHistory read_history(soci::session& session, const HistoryReadOptions& options,
                           const HistoryReadProgress& progress) {
  StoredHistory history;
  Interner items(history.item_sku);
  if (options.with_lines) read_catalogue(session, history, items);
  const std::size_t total = count_rows(session, "transactions");
  history.purchases.purchases.reserve(total);
  Interner customers(history.purchases.customer_ids);
  customers.reserve(count_rows(session, "users"));

  std::vector<std::string> id(kHistoryFetchRows), customer(kHistoryFetchRows);
  std::vector<long long> at(kHistoryFetchRows), amount(kHistoryFetchRows);
  // Ordered by id only when lines are merged in; otherwise the table's own order.
  const std::string query = std::string("SELECT id, customer_id, occurred_at, total_minor - returned_minor FROM "
                                        "transactions") + (options.with_lines ? " ORDER BY id" : "");
  soci::statement st = (session.prepare << query, soci::into(id), soci::into(customer), soci::into(at),
                        soci::into(amount));
  std::unique_ptr<LineCursor> lines;
  if (options.with_lines) lines = std::make_unique<LineCursor>(session);
  st.execute();
  auto& columns = history.purchases.purchases;
  while (st.fetch()) {
    for (std::size_t i = 0; i < id.size(); ++i) {
      const auto row = static_cast<std::uint32_t>(columns.size());
      columns.push_back(customers.id(customer[i]), day_of(at[i]), amount[i]);
      if (lines) lines->take(id[i], row, items, history.lines);
    }
    if (progress) progress(columns.size(), std::max(total, columns.size()));
    id.resize(kHistoryFetchRows);
    customer.resize(kHistoryFetchRows);
    at.resize(kHistoryFetchRows);
    amount.resize(kHistoryFetchRows);
  }
  history.item_category.resize(history.item_sku.size(), analytics::kNoAttribute);
  history.item_brand.resize(history.item_sku.size(), analytics::kNoAttribute);
  assert(columns.consistent());
  return history;
}

}  // namespace patron::sql
