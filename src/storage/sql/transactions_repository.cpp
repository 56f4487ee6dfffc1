#include "storage/sql/transactions_repository.h"
#include "storage/sql/changed_accounts.h"
#include "storage/sql/queries.h"
#include "storage/sql/statement_cache.h"
#include "storage/sql/transactions.h"

#include <cstdint>

#include "domain/limits.h"

namespace patron::sql {

void TransactionsRepository::insert_rows(const TransactionRecord& t, std::int64_t now) {
  note_account_changed(t.customer_id);
  Write(session_,
        "INSERT INTO transactions (id, customer_id, store_id, external_id, occurred_at, currency, total_minor, "
        "points_earned, earn_entry_id, status, channel, created_at, original_currency, original_total_minor, "
        "fx_rate_nano) VALUES (:id, :c, :s, :x, :o, :cur, :t, :p, :e, :st, :ch, :cr, :oc, :ot, :fx)")
      .text(t.id)
      .text(t.customer_id)
      .text(t.store_id)
      .text_or_null(t.external_id)
      .integer(t.occurred_at)
      .text(t.currency)
      .integer(t.total_minor)
      .integer(t.points_earned)
      .text(t.earn_entry_id)
      .text(t.status)
      .text(t.channel)
      .integer(now)
      .text_or_null(t.original_currency)
      .integer_or_null(t.original_total_minor)
      .integer_or_null(t.fx_rate_nano)
      .run();
  for (const auto& line : t.lines) {
    Write(session_,
          "INSERT INTO transaction_lines (transaction_id, line_no, sku, name, category, quantity, unit_price_minor) "
          "VALUES (:t, :n, :sku, :name, :cat, :q, :p)")
        .text(t.id)
        .integer(line.line_no)
        .text(line.sku)
        .text(line.name)
        .text(line.category)
        .integer(line.quantity)
        .integer(line.unit_price_minor)
        .run();
  }
}

bool TransactionsRepository::insert(const TransactionRecord& t, std::int64_t now) {
  if (t.external_id.empty()) {
    insert_rows(t, now);
    return true;
  }
  // A savepoint of its own: on PostgreSQL a failed INSERT aborts the transaction.
  open_savepoint(session_, "external_id_claim");
  try {
    insert_rows(t, now);
  } catch (const soci::soci_error&) {
    close_savepoint(session_, "external_id_claim", false);
    if (find_by_external_id(t.store_id, t.external_id)) return false;
    throw;
  }
  close_savepoint(session_, "external_id_claim", true);
  return true;
}

namespace {

struct TxnRow {
  TransactionRecord t;
  long long at = 0, total = 0, returned = 0, earned = 0, reversed = 0, original_total = 0, rate = 0;
  soci::indicator external_ind = soci::i_ok, original_currency_ind = soci::i_ok, original_total_ind = soci::i_ok,
                  rate_ind = soci::i_ok;

  void bind(soci::statement& st) {
    into_columns(st, t.id, t.customer_id, t.store_id, with_indicator(t.external_id, external_ind), at, t.currency,
                 total, returned, earned, reversed, t.earn_entry_id, t.status, t.channel,
                 with_indicator(t.original_currency, original_currency_ind),
                 with_indicator(original_total, original_total_ind), with_indicator(rate, rate_ind));
  }
  TransactionRecord finish() {
    TransactionRecord out = t;
    if (external_ind != soci::i_ok) out.external_id.clear();
    out.occurred_at = at;
    out.total_minor = total;
    out.returned_minor = returned;
    out.points_earned = earned;
    out.points_reversed = reversed;
    if (original_currency_ind != soci::i_ok) out.original_currency.clear();
    out.original_total_minor =
        original_total_ind == soci::i_ok ? std::optional<MinorUnits>(original_total) : std::nullopt;
    out.fx_rate_nano = rate_ind == soci::i_ok ? std::optional<RateNano>(rate) : std::nullopt;
    return out;
  }
};

constexpr const char* txn_columns =
    "SELECT id, customer_id, store_id, external_id, occurred_at, currency, total_minor, returned_minor, "
    "points_earned, points_reversed, earn_entry_id, status, channel, original_currency, original_total_minor, "
    "fx_rate_nano FROM transactions ";

}  // namespace

std::vector<TransactionLineRecord> TransactionsRepository::lines_of(const std::string& transaction_id) {
  TransactionLineRecord line;
  return fetch_all((session_.prepare << "SELECT line_no, sku, name, category, quantity, unit_price_minor, "
                                        "returned_quantity FROM transaction_lines WHERE transaction_id = :t "
                                        "ORDER BY line_no",
                    soci::use(transaction_id), soci::into(line.line_no), soci::into(line.sku), soci::into(line.name),
                    soci::into(line.category), soci::into(line.quantity), soci::into(line.unit_price_minor),
                    soci::into(line.returned_quantity)),
                   line);
}

std::optional<TransactionRecord> TransactionsRepository::find(const std::string& id) {
  TxnRow row;
  soci::statement st = prepare_with(session_, row, std::string(txn_columns) + "WHERE id = :id", id);
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  auto txn = row.finish();
  txn.lines = lines_of(txn.id);
  return txn;
}

std::optional<std::string> TransactionsRepository::find_by_external_id(const std::string& store_id,
                                                                       const std::string& external_id) {
  std::string id;
  session_ << "SELECT id FROM transactions WHERE store_id = :s AND external_id = :x", soci::use(store_id),
      soci::use(external_id), soci::into(id);
  if (!session_.got_data()) return std::nullopt;
  return id;
}

Page<TransactionRecord> TransactionsRepository::list_for_customer(const std::string& customer_id, int limit,
                                                                  const TimeCursor& cursor) {
  const long long before_at = cursor.before_at;
  const std::string& before_id = cursor.before_id;
  TxnRow row;
  const int fetch = limit + 1;
  Page<TransactionRecord> page =
      select_page(session_, row,
                  std::string(txn_columns) +
                      "WHERE customer_id = :c AND (occurred_at < :a OR (occurred_at = :a2 AND id < :i)) "
                      "ORDER BY occurred_at DESC, id DESC LIMIT :n",
                  customer_id, before_at, before_at, before_id, fetch);
  cut_to_limit(page, limit, [](const auto& last) { return TimeCursor::after(last.occurred_at, last.id); });
  for (auto& txn : page.items) txn.lines = lines_of(txn.id);
  return page;
}

MinorUnits TransactionsRepository::qualifying_spend(const std::string& customer_id, std::int64_t since) {
  static constexpr std::string_view select =
      "SELECT SUM(net) FROM (SELECT total_minor - returned_minor AS net FROM transactions WHERE customer_id = :c AND "
      "occurred_at >= :f ORDER BY occurred_at DESC LIMIT :n) recent";
  if (auto cached = reuse(session_, select)) {
    cached->bind(1, customer_id)
        .bind(2, static_cast<long long>(since))
        .bind(3, static_cast<long long>(max_purchases_in_spend_window))
        .next_row();
    return cached->is_null(0) ? 0 : cached->integer(0);
  }
  long long spend = 0;
  soci::indicator ind = soci::i_null;
  const long long from = since, bound = max_purchases_in_spend_window;
  session_ << std::string(select), soci::use(customer_id), soci::use(from), soci::use(bound), soci::into(spend, ind);
  return ind == soci::i_ok ? spend : 0;
}

void TransactionsRepository::record_return(const TransactionRecord& t, const std::string& return_id,
                                           MinorUnits amount_minor, Points points_reversed,
                                           const std::string& ledger_entry_id, std::int64_t now) {
  note_account_changed(t.customer_id);
  const long long returned = t.returned_minor, reversed = t.points_reversed, amount = amount_minor,
                  points = points_reversed, at = now;
  session_ << "UPDATE transactions SET returned_minor = :r, points_reversed = :p, status = :s WHERE id = :id",
      soci::use(returned), soci::use(reversed), soci::use(t.status), soci::use(t.id);
  for (const auto& line : t.lines) {
    const long long qty = line.returned_quantity, no = line.line_no;
    session_ << "UPDATE transaction_lines SET returned_quantity = :q WHERE transaction_id = :t AND line_no = :n",
        soci::use(qty), soci::use(t.id), soci::use(no);
  }
  session_ << "INSERT INTO returns (id, transaction_id, amount_minor, points_reversed, ledger_entry_id, created_at) "
              "VALUES (:id, :t, :a, :p, :l, :c)",
      soci::use(return_id), soci::use(t.id), soci::use(amount), soci::use(points), soci::use(ledger_entry_id),
      soci::use(at);
}

}  // namespace patron::sql
