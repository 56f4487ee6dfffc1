#include "storage/sql/history_writer.h"

#include <cassert>
#include <random>

#include "storage/sql/sqlite_direct.h"

namespace patron::sql {
namespace {

constexpr std::size_t kFetchRows = 10'000;
constexpr const char* kImportedEmailDomain = "@imported.invalid";

std::string base36(std::uint64_t value, std::size_t width) {
  static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string text(width, '0');
  for (std::size_t i = width; i-- > 0 && value > 0; value /= 36) text[i] = digits[value % 36];
  return text;
}

}  // namespace

// Rows waiting for the next flush, column by column: SOCI binds vectors as
// one prepared statement executed per row inside the batch's transaction.
struct HistoryWriter::Pending {
  std::vector<std::string> user_id, user_email, user_name, map_external_id;
  std::vector<std::string> product_id, product_sku, product_name, product_category, product_brand, product_currency;
  std::vector<long long> product_price;
  std::vector<std::string> txn_id, txn_customer, txn_store, txn_external, txn_currency;
  std::vector<long long> txn_at, txn_total;
  std::vector<std::string> line_txn, line_sku, line_name, line_category;
  std::vector<long long> line_no, line_quantity, line_price;

  std::size_t purchases() const { return txn_id.size(); }
  bool empty() const { return user_id.empty() && product_id.empty() && txn_id.empty(); }
};

HistoryWriter::HistoryWriter(soci::session& session, std::string source, std::int64_t now)
    : session_(session), source_(std::move(source)), now_(now), pending_(std::make_unique<Pending>()) {
  assert(!source_.empty());
  std::random_device entropy;
  const std::uint64_t nonce = (static_cast<std::uint64_t>(entropy()) << 32) ^ entropy();
  id_nonce_ = base36(nonce, 10);
  if (session_.get_backend_name() == "sqlite3") {
    // A big page cache keeps the transactions' customer index in memory
    // while millions of rows go in; it is per connection and gone at exit.
    session_ << "PRAGMA cache_size=-1048576";
  }
  load_known();
}

HistoryWriter::~HistoryWriter() = default;

std::string HistoryWriter::next_id(const char* prefix) {
  return std::string(prefix) + "_h" + id_nonce_ + base36(++sequence_, 8);
}

void HistoryWriter::load_known() {
  std::vector<std::string> keys(kFetchRows), values(kFetchRows);
  {
    soci::statement st = (session_.prepare << "SELECT external_id, customer_id FROM customer_external_ids "
                                              "WHERE source = :s",
                          soci::use(source_), soci::into(keys), soci::into(values));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < keys.size(); ++i) customers_.emplace(keys[i], values[i]);
      keys.resize(kFetchRows);
      values.resize(kFetchRows);
    }
  }
  keys.resize(kFetchRows);  // a finished fetch loop leaves the vectors empty
  values.resize(kFetchRows);
  {
    soci::statement st = (session_.prepare << "SELECT code, id FROM stores", soci::into(keys), soci::into(values));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < keys.size(); ++i) stores_.emplace(keys[i], values[i]);
      keys.resize(kFetchRows);
      values.resize(kFetchRows);
    }
  }
  keys.resize(kFetchRows);
  soci::statement st = (session_.prepare << "SELECT sku FROM products", soci::into(keys));
  st.execute();
  while (st.fetch()) {
    skus_.insert(keys.begin(), keys.end());
    keys.resize(kFetchRows);
  }
}

void HistoryWriter::load_external_ids(const std::string& store_id, std::unordered_set<std::string>& ids) {
  std::vector<std::string> keys(kFetchRows);
  soci::statement st = (session_.prepare << "SELECT external_id FROM transactions WHERE store_id = :s AND "
                                            "external_id IS NOT NULL",
                        soci::use(store_id), soci::into(keys));
  st.execute();
  while (st.fetch()) {
    ids.insert(keys.begin(), keys.end());
    keys.resize(kFetchRows);
  }
}

std::int64_t HistoryWriter::purchases_in_store(const std::string& code) {
  long long count = 0;
  session_ << "SELECT COUNT(*) FROM transactions t JOIN stores s ON s.id = t.store_id WHERE s.code = :c",
      soci::use(code), soci::into(count);
  return count;
}

const std::string& HistoryWriter::store_id(const std::string& code) {
  if (auto found = stores_.find(code); found != stores_.end()) return found->second;
  // Stores are few: written at once, outside the batch.
  const std::string id = next_id("sto");
  const long long at = now_;
  session_ << "INSERT INTO stores (id, code, name, created_at) VALUES (:i, :c, :n, :a)", soci::use(id), soci::use(code),
      soci::use(code), soci::use(at);
  ++counts_.stores_created;
  return stores_.emplace(code, id).first->second;
}

const std::string& HistoryWriter::customer_id(const std::string& external_id) {
  if (auto found = customers_.find(external_id); found != customers_.end()) return found->second;
  const std::string id = next_id("cus");
  auto& p = *pending_;
  p.user_id.push_back(id);
  p.user_email.push_back(id + kImportedEmailDomain);
  p.user_name.push_back("Customer " + external_id.substr(0, 200));
  p.map_external_id.push_back(external_id);
  ++counts_.customers_created;
  return customers_.emplace(external_id, id).first->second;
}

void HistoryWriter::add_product(const ProductRecord& product) {
  if (product.sku.empty() || !skus_.insert(product.sku).second) return;
  auto& p = *pending_;
  p.product_id.push_back(next_id("prd"));
  p.product_sku.push_back(product.sku);
  p.product_name.push_back(product.name.empty() ? product.sku : product.name);
  p.product_category.push_back(product.category);
  p.product_brand.push_back(product.brand);
  p.product_currency.push_back(product.currency);
  p.product_price.push_back(product.price_minor);
  ++counts_.products_created;
}

bool HistoryWriter::add(const HistoryPurchase& purchase, bool check_stored) {
  assert(!purchase.external_id.empty());
  const std::string& store = store_id(purchase.store_code);
  if (check_stored) {
    auto [ids, first_sight] = external_ids_.try_emplace(store);
    if (first_sight) load_external_ids(store, ids->second);
    if (!ids->second.insert(purchase.external_id).second) {
      ++counts_.purchases_already_stored;
      return false;
    }
  }
  auto& p = *pending_;
  const std::string id = next_id("txn");
  p.txn_id.push_back(id);
  p.txn_customer.push_back(customer_id(purchase.customer_external_id));
  p.txn_store.push_back(store);
  p.txn_external.push_back(purchase.external_id);
  p.txn_currency.push_back(purchase.currency);
  p.txn_at.push_back(purchase.occurred_at);
  p.txn_total.push_back(purchase.total_minor);
  long long line_no = 0;
  for (const auto& line : purchase.lines) {
    p.line_txn.push_back(id);
    p.line_no.push_back(++line_no);
    p.line_sku.push_back(line.sku);
    p.line_name.push_back(line.name);
    p.line_category.push_back(line.category);
    p.line_quantity.push_back(line.quantity);
    p.line_price.push_back(line.unit_price_minor);
  }
  ++counts_.purchases_written;
  counts_.lines_written += purchase.lines.size();
  if (p.purchases() >= kHistoryBatchPurchases) flush();
  return true;
}

namespace {

// Constants are SQL literals: SOCI binds either all vectors or all scalars.
constexpr const char* kInsertUser =
    "INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at) "
    "VALUES (:i, :e, '', :n, 'customer', :c, :u)";
constexpr const char* kInsertAccount =
    "INSERT INTO accounts (customer_id, tier_anniversary_at, updated_at) VALUES (:i, :t, :u)";
constexpr const char* kInsertMapping =
    "INSERT INTO customer_external_ids (source, external_id, customer_id, created_at) VALUES (:s, :x, :i, :c)";
constexpr const char* kInsertProduct =
    "INSERT INTO products (id, sku, name, category, brand, price_minor, currency, created_at) "
    "VALUES (:i, :s, :n, :c, :b, :p, :cur, :a)";
constexpr const char* kInsertTransaction =
    "INSERT INTO transactions (id, customer_id, store_id, external_id, occurred_at, currency, total_minor, "
    "points_earned, channel, created_at) VALUES (:i, :c, :s, :x, :o, :cur, :t, 0, 'import', :a)";
constexpr const char* kInsertLine =
    "INSERT INTO transaction_lines (transaction_id, line_no, sku, name, category, quantity, unit_price_minor) "
    "VALUES (:t, :n, :s, :nm, :c, :q, :p)";

// A column's value for row `row`: a vector holds one per row, anything else
// is the same for every row.
template <class T>
const T& value_of_row(const std::vector<T>& column, std::size_t row) {
  return column[row];
}
template <class T>
const T& value_of_row(const T& value, std::size_t) {
  return value;
}

// Steps `sql` once per row, binding the row's value of each column in
// placeholder order.
template <class... Columns>
void insert_rows(soci::session& session, const char* sql, std::size_t rows, const Columns&... columns) {
  if (rows == 0) return;
  sqlite_direct::Statement statement(session, sql);
  for (std::size_t row = 0; row < rows; ++row) {
    int position = 1;
    (statement.bind(position++, value_of_row(columns, row)), ...);
    statement.execute();
  }
}

}  // namespace

// SQLite: each statement prepared once a batch and stepped per row, which is
// several times faster than SOCI's vector binding for millions of rows.
void HistoryWriter::flush_direct() {
  auto& p = *pending_;
  const long long at = now_;
  const std::size_t users = p.user_id.size();
  insert_rows(session_, kInsertUser, users, p.user_id, p.user_email, p.user_name, at, at);
  insert_rows(session_, kInsertAccount, users, p.user_id, at, at);
  insert_rows(session_, kInsertMapping, users, source_, p.map_external_id, p.user_id, at);
  insert_rows(session_, kInsertProduct, p.product_id.size(), p.product_id, p.product_sku, p.product_name,
              p.product_category, p.product_brand, p.product_price, p.product_currency, at);
  insert_rows(session_, kInsertTransaction, p.txn_id.size(), p.txn_id, p.txn_customer, p.txn_store, p.txn_external,
              p.txn_at, p.txn_currency, p.txn_total, at);
  insert_rows(session_, kInsertLine, p.line_txn.size(), p.line_txn, p.line_no, p.line_sku, p.line_name, p.line_category,
              p.line_quantity, p.line_price);
}

void HistoryWriter::flush_soci() {
  auto& p = *pending_;
  if (!p.user_id.empty()) {
    std::vector<long long> at(p.user_id.size(), now_);
    std::vector<std::string> source(p.user_id.size(), source_);
    session_ << kInsertUser, soci::use(p.user_id), soci::use(p.user_email), soci::use(p.user_name), soci::use(at),
        soci::use(at);
    session_ << kInsertAccount, soci::use(p.user_id), soci::use(at), soci::use(at);
    session_ << kInsertMapping, soci::use(source), soci::use(p.map_external_id), soci::use(p.user_id), soci::use(at);
  }
  if (!p.product_id.empty()) {
    std::vector<long long> at(p.product_id.size(), now_);
    session_ << kInsertProduct, soci::use(p.product_id), soci::use(p.product_sku), soci::use(p.product_name),
        soci::use(p.product_category), soci::use(p.product_brand), soci::use(p.product_price),
        soci::use(p.product_currency), soci::use(at);
  }
  if (!p.txn_id.empty()) {
    std::vector<long long> at(p.txn_id.size(), now_);
    session_ << kInsertTransaction, soci::use(p.txn_id), soci::use(p.txn_customer), soci::use(p.txn_store),
        soci::use(p.txn_external), soci::use(p.txn_at), soci::use(p.txn_currency), soci::use(p.txn_total),
        soci::use(at);
  }
  if (!p.line_txn.empty()) {
    session_ << kInsertLine, soci::use(p.line_txn), soci::use(p.line_no), soci::use(p.line_sku), soci::use(p.line_name),
        soci::use(p.line_category), soci::use(p.line_quantity), soci::use(p.line_price);
  }
}

void HistoryWriter::flush() {
  if (pending_->empty()) return;
  soci::transaction tx(session_);
  if (sqlite_direct::available(session_)) {
    flush_direct();
  } else {
    flush_soci();
  }
  tx.commit();
  *pending_ = Pending{};
}

}  // namespace patron::sql
