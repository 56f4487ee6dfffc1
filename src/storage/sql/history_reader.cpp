#include "storage/sql/history_reader.h"

#include <cassert>
#include <memory>
#include <optional>
#include <algorithm>
#include <functional>

#include "storage/sql/sqlite_direct.h"

namespace patron::sql {
namespace {

constexpr long long kSecondsPerDay = 86'400;

constexpr const char* kCatalogueQuery = "SELECT sku, category, brand FROM products";
// Both tables are read in their own order (a sequential scan; ORDER BY id
// costs an index walk with a row lookup each, four times the scan) and the
// lines joined to their purchase through a hash table of transaction ids.
constexpr const char* kPurchasesQuery =
    "SELECT id, customer_id, occurred_at, total_minor - returned_minor FROM transactions";
constexpr const char* kLinesQuery =
    "SELECT transaction_id, sku, (quantity - returned_quantity) * unit_price_minor FROM transaction_lines";

analytics::Day day_of(long long epoch_seconds) {
  const long long day = epoch_seconds / kSecondsPerDay;
  return static_cast<analytics::Day>(epoch_seconds < 0 && day * kSecondsPerDay != epoch_seconds ? day - 1 : day);
}

std::uint64_t hash_of(std::string_view text) {
  const std::uint64_t hash = std::hash<std::string_view>{}(text);
  return hash == 0 ? 1 : hash;  // 0 marks an empty slot
}

// Dense ids for strings seen while streaming, in an open addressing table of
// (hash, id): one cache miss a lookup where a node-based map takes three,
// which is most of the read's time at 20 M purchases. Equal hashes are
// confirmed against the name.
class Interner {
 public:
  explicit Interner(std::vector<std::string>& names) : names_(names) { slots_.assign(1024, Slot{0, 0}); }
  std::uint32_t id(std::string_view name) {
    const std::uint64_t hash = hash_of(name);
    std::size_t i = hash & (slots_.size() - 1);
    for (; slots_[i].hash != 0; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].hash == hash && names_[slots_[i].id] == name) return slots_[i].id;
    }
    const auto id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(name);
    slots_[i] = {hash, id};
    if (names_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
    return id;
  }
  std::uint32_t attribute(std::string_view name) { return name.empty() ? analytics::kNoAttribute : id(name); }
  void reserve(std::size_t count) {
    std::size_t size = slots_.size();
    while (size < count * 2) size *= 2;
    if (size > slots_.size()) rehash(size);
  }

 private:
  struct Slot {
    std::uint64_t hash;
    std::uint32_t id;
  };
  void rehash(std::size_t size) {
    std::vector<Slot> old(size, Slot{0, 0});
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.hash == 0) continue;
      std::size_t i = slot.hash & (slots_.size() - 1);
      while (slots_[i].hash != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    }
  }
  std::vector<std::string>& names_;
  std::vector<Slot> slots_;
};

// ---------------------------------------------------------------- row sources
// Two implementations of the same cursor: SQLite stepped directly (text read
// in place), and SOCI bulk fetches for the server dialects.

class DirectRows {
 public:
  DirectRows(soci::session& session, const char* sql) : statement_(session, sql) {}
  bool next() { return statement_.next_row(); }
  std::string_view text(int column) const { return statement_.text(column); }
  long long integer(int column) const { return statement_.integer(column); }

 private:
  sqlite_direct::Statement statement_;
};

// Fetches kHistoryFetchRows rows at a time: columns of text then of integers.
class SociRows {
 public:
  SociRows(soci::session& session, const char* sql, int text_columns, int integer_columns)
      : texts_(text_columns, std::vector<std::string>(kHistoryFetchRows)),
        integers_(integer_columns, std::vector<long long>(kHistoryFetchRows)),
        statement_(session) {
    for (auto& column : texts_) statement_.exchange(soci::into(column));
    for (auto& column : integers_) statement_.exchange(soci::into(column));
    statement_.alloc();
    statement_.prepare(sql);
    statement_.define_and_bind();
    statement_.execute(false);
  }
  bool next() {
    if (++at_ < rows_) return true;
    if (done_) return false;
    for (auto& column : texts_) column.resize(kHistoryFetchRows);
    for (auto& column : integers_) column.resize(kHistoryFetchRows);
    done_ = !statement_.fetch();
    rows_ = done_ ? 0 : (texts_.empty() ? integers_[0].size() : texts_[0].size());
    at_ = 0;
    return rows_ > 0;
  }
  std::string_view text(int column) const { return texts_[column][at_]; }
  long long integer(int column) const { return integers_[column - static_cast<int>(texts_.size())][at_]; }

 private:
  std::vector<std::vector<std::string>> texts_;
  std::vector<std::vector<long long>> integers_;
  soci::statement statement_;
  std::size_t rows_ = 0, at_ = 0;
  bool done_ = false;
};

std::size_t count_rows(soci::session& session, const char* table) {
  long long count = 0;
  session << "SELECT COUNT(*) FROM " << table, soci::into(count);
  return static_cast<std::size_t>(count);
}

template <typename Rows>
void read_catalogue(Rows& rows, StoredHistory& history, Interner& items) {
  Interner categories(history.category_names), brands(history.brand_names);
  while (rows.next()) {
    const std::uint32_t item = items.id(rows.text(0));
    history.item_category.resize(history.item_sku.size(), analytics::kNoAttribute);
    history.item_brand.resize(history.item_sku.size(), analytics::kNoAttribute);
    history.item_category[item] = categories.attribute(rows.text(1));
    history.item_brand[item] = brands.attribute(rows.text(2));
  }
}

// Purchase row of a line's transaction id. Both tables are scanned in
// insertion order, so a line's purchase is nearly always at or just after the
// previous line's: a cursor over the purchases' id hashes finds it by looking
// a few rows ahead, sequentially. Anything else (lines of purchases written
// out of order) falls back to an open addressing table built on first need.
// Ids are compared by 64-bit hash: two ids with the same hash (odds about 1 in
// 10^5 at 20 M purchases) would send one's lines to the other, accepted for
// analytics, never used for money.
class RowsById {
 public:
  static constexpr std::size_t kLookahead = 64;

  void add(std::string_view id) { hashes_.push_back(hash_of(id)); }
  std::optional<std::uint32_t> find(std::string_view id) {
    const std::uint64_t hash = hash_of(id);
    const std::size_t end = std::min(hashes_.size(), cursor_ + kLookahead);
    for (std::size_t row = cursor_; row < end; ++row) {
      if (hashes_[row] == hash) {
        cursor_ = row;
        return static_cast<std::uint32_t>(row);
      }
    }
    if (slots_.empty()) build_table();
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].hash == hash) {
        cursor_ = slots_[i].row;
        return slots_[i].row;
      }
      if (slots_[i].hash == 0) return std::nullopt;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash;
    std::uint32_t row;
  };
  void build_table() {
    std::size_t size = 16;
    while (size < hashes_.size() * 2) size *= 2;
    slots_.assign(size, Slot{0, 0});
    for (std::size_t row = 0; row < hashes_.size(); ++row) {
      std::size_t i = hashes_[row] & (size - 1);
      while (slots_[i].hash != 0) i = (i + 1) & (size - 1);
      slots_[i] = {hashes_[row], static_cast<std::uint32_t>(row)};
    }
  }
  std::vector<std::uint64_t> hashes_;
  std::vector<Slot> slots_;
  std::size_t cursor_ = 0;
};

// Lines of one purchase must be adjacent (a basket is a run of lines). Every
// writer inserts a purchase's lines together, so the scan order has them so;
// should it not, a stable counting sort by purchase restores it.
void group_by_purchase(analytics::LineColumns& lines, std::size_t purchases) {
  bool ordered = true;
  for (std::size_t i = 1; i < lines.size() && ordered; ++i) ordered = lines.purchase_row[i - 1] <= lines.purchase_row[i];
  if (ordered) return;
  std::vector<std::uint64_t> start(purchases + 1, 0);
  for (const auto row : lines.purchase_row) ++start[row + 1];
  for (std::size_t p = 0; p < purchases; ++p) start[p + 1] += start[p];
  analytics::LineColumns sorted;
  sorted.purchase_row.resize(lines.size());
  sorted.item.resize(lines.size());
  sorted.amount_minor.resize(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::uint64_t at = start[lines.purchase_row[i]]++;
    sorted.purchase_row[at] = lines.purchase_row[i];
    sorted.item[at] = lines.item[i];
    sorted.amount_minor[at] = lines.amount_minor[i];
  }
  lines = std::move(sorted);
}

constexpr std::size_t kProgressEveryRows = 100'000;

template <typename Rows>
StoredHistory read_with(soci::session& session, const HistoryReadOptions& options,
                        const HistoryReadProgress& progress, const std::function<std::unique_ptr<Rows>(int)>& open) {
  StoredHistory history;
  Interner items(history.item_sku);
  if (options.with_lines) read_catalogue(*open(0), history, items);
  const std::size_t total = count_rows(session, "transactions");
  auto& columns = history.purchases.purchases;
  columns.reserve(total);
  Interner customers(history.purchases.customer_ids);
  customers.reserve(count_rows(session, "users"));
  std::optional<RowsById> rows_by_id;
  if (options.with_lines) rows_by_id.emplace();
  auto purchases = open(1);
  while (purchases->next()) {
    columns.push_back(customers.id(purchases->text(1)), day_of(purchases->integer(2)), purchases->integer(3));
    if (rows_by_id) rows_by_id->add(purchases->text(0));
    if (progress && columns.size() % kProgressEveryRows == 0) progress(columns.size(), std::max(total, columns.size()));
  }
  if (progress) progress(columns.size(), std::max(total, columns.size()));
  if (rows_by_id) {
    auto lines = open(2);
    while (lines->next()) {
      // Lines of a purchase added after this scan began have no row: skipped.
      if (const auto row = rows_by_id->find(lines->text(0))) {
        history.lines.push_back(*row, items.id(lines->text(1)), lines->integer(2));
      }
    }
    group_by_purchase(history.lines, columns.size());
  }
  history.item_category.resize(history.item_sku.size(), analytics::kNoAttribute);
  history.item_brand.resize(history.item_sku.size(), analytics::kNoAttribute);
  assert(columns.consistent());
  return history;
}

}  // namespace

StoredHistory read_history(soci::session& session, const HistoryReadOptions& options,
                           const HistoryReadProgress& progress) {
  if (sqlite_direct::available(session) && !options.portable_path) {
    return read_with<DirectRows>(session, options, progress, [&](int which) {
      return std::make_unique<DirectRows>(session, which == 0 ? kCatalogueQuery
                                                   : which == 1 ? kPurchasesQuery
                                                                : kLinesQuery);
    });
  }
  return read_with<SociRows>(session, options, progress, [&](int which) {
    if (which == 0) return std::make_unique<SociRows>(session, kCatalogueQuery, 3, 0);
    if (which == 1) return std::make_unique<SociRows>(session, kPurchasesQuery, 2, 2);
    return std::make_unique<SociRows>(session, kLinesQuery, 2, 1);
  });
}

}  // namespace patron::sql
