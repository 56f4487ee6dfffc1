#include "storage/sql/shop_repository.h"

#include "storage/sql/changed_accounts.h"
#include "storage/sql/queries.h"

namespace patron::sql {

Page<ProductRecord> ShopRepository::products_on_sale(const std::string& query, int limit,
                                                     const std::string& before_id) {
  const std::string pattern = like_pattern(query);
  const std::string before = before_id.empty() ? std::string("~") : before_id;  // '~' sorts after every id
  const int fetch = limit + 1;
  ProductRecord row;
  long long price = 0;
  soci::statement st =
      (session_.prepare << "SELECT id, sku, name, category, brand, price_minor, currency FROM products "
                           "WHERE archived = 0 AND id < :before AND (LOWER(name) LIKE :p ESCAPE '!' OR "
                           "LOWER(brand) LIKE :p2 ESCAPE '!' OR LOWER(category) LIKE :p3 ESCAPE '!') "
                           "ORDER BY id DESC LIMIT :n",
       soci::use(before), soci::use(pattern), soci::use(pattern), soci::use(pattern), soci::use(fetch),
       soci::into(row.id), soci::into(row.sku), soci::into(row.name), soci::into(row.category), soci::into(row.brand),
       soci::into(price), soci::into(row.currency));
  st.execute();
  Page<ProductRecord> page;
  while (st.fetch()) {
    row.price_minor = price;
    page.items.push_back(row);
  }
  cut_to_limit(page, limit);
  return page;
}

void ShopRepository::insert_checkout(const CheckoutRecord& c) {
  const long long amount = c.amount_total_minor, created = c.created_at, updated = c.updated_at;
  session_ << "INSERT INTO stripe_checkouts (id, session_id, customer_id, currency, amount_total_minor, lines_json, "
              "status, created_at, updated_at) VALUES (:id, :s, :c, :cur, :a, :l, :st, :cr, :up)",
      soci::use(c.id), soci::use(c.session_id), soci::use(c.customer_id), soci::use(c.currency), soci::use(amount),
      soci::use(c.lines_json), soci::use(c.status), soci::use(created), soci::use(updated);
}

// `column` is one of this file's literals, never input.
std::optional<CheckoutRecord> ShopRepository::checkout_where(const std::string& column, const std::string& value) {
  CheckoutRecord c;
  soci::indicator pi_ind = soci::i_ok, txn_ind = soci::i_ok;
  session_ << "SELECT id, session_id, customer_id, currency, amount_total_minor, lines_json, status, payment_intent, "
              "transaction_id, points_earned, refunded_minor, failure, created_at, updated_at FROM stripe_checkouts "
              "WHERE " +
                  column + " = :v",
      soci::use(value), soci::into(c.id), soci::into(c.session_id), soci::into(c.customer_id), soci::into(c.currency),
      soci::into(c.amount_total_minor), soci::into(c.lines_json), soci::into(c.status),
      soci::into(c.payment_intent, pi_ind), soci::into(c.transaction_id, txn_ind), soci::into(c.points_earned),
      soci::into(c.refunded_minor), soci::into(c.failure), soci::into(c.created_at), soci::into(c.updated_at);
  if (!session_.got_data()) return std::nullopt;
  if (pi_ind != soci::i_ok) c.payment_intent.clear();
  if (txn_ind != soci::i_ok) c.transaction_id.clear();
  return c;
}

std::optional<CheckoutRecord> ShopRepository::checkout_by_session(const std::string& session_id) {
  return checkout_where("session_id", session_id);
}

std::optional<CheckoutRecord> ShopRepository::checkout_by_id(const std::string& id) { return checkout_where("id", id); }

std::optional<CheckoutRecord> ShopRepository::checkout_by_payment_intent(const std::string& payment_intent) {
  if (payment_intent.empty()) return std::nullopt;
  return checkout_where("payment_intent", payment_intent);
}

void ShopRepository::save_checkout(const CheckoutRecord& c) {
  note_account_changed(c.customer_id);
  const long long points = c.points_earned, refunded = c.refunded_minor, updated = c.updated_at;
  soci::indicator pi_ind = c.payment_intent.empty() ? soci::i_null : soci::i_ok;
  soci::indicator txn_ind = c.transaction_id.empty() ? soci::i_null : soci::i_ok;
  session_ << "UPDATE stripe_checkouts SET status = :st, payment_intent = :pi, transaction_id = :t, "
              "points_earned = :p, refunded_minor = :r, failure = :f, updated_at = :u WHERE id = :id",
      soci::use(c.status), soci::use(c.payment_intent, pi_ind), soci::use(c.transaction_id, txn_ind), soci::use(points),
      soci::use(refunded), soci::use(c.failure), soci::use(updated), soci::use(c.id);
}

bool ShopRepository::event_seen(const std::string& id) {
  int found = 0;
  session_ << "SELECT COUNT(*) FROM stripe_events WHERE id = :id", soci::use(id), soci::into(found);
  return found > 0;
}

void ShopRepository::insert_event(const StripeEventRecord& e) {
  const long long amount = e.amount_minor, refunded = e.amount_refunded_minor, created = e.created_at,
                  received = e.received_at;
  session_ << "INSERT INTO stripe_events (id, type, object_id, payment_intent, amount_minor, amount_refunded_minor, "
              "outcome, created_at, received_at) VALUES (:id, :t, :o, :pi, :a, :r, :oc, :c, :rc)",
      soci::use(e.id), soci::use(e.type), soci::use(e.object_id), soci::use(e.payment_intent), soci::use(amount),
      soci::use(refunded), soci::use(e.outcome), soci::use(created), soci::use(received);
}

void ShopRepository::set_event_outcome(const std::string& id, const std::string& outcome) {
  session_ << "UPDATE stripe_events SET outcome = :o WHERE id = :id", soci::use(outcome), soci::use(id);
}

std::vector<StripeEventRecord> ShopRepository::pending_refunds(const std::string& payment_intent) {
  StripeEventRecord row;
  const int limit = max_pending_refund_events;
  const std::string pending = "pending";
  return fetch_all(
      (session_.prepare << "SELECT id, type, object_id, payment_intent, amount_minor, amount_refunded_minor, outcome, "
                           "created_at, received_at FROM stripe_events WHERE payment_intent = :pi AND outcome = :o "
                           "ORDER BY amount_refunded_minor DESC LIMIT :n",
       soci::use(payment_intent), soci::use(pending), soci::use(limit), soci::into(row.id), soci::into(row.type),
       soci::into(row.object_id), soci::into(row.payment_intent), soci::into(row.amount_minor),
       soci::into(row.amount_refunded_minor), soci::into(row.outcome), soci::into(row.created_at),
       soci::into(row.received_at)),
      row);
}

}  // namespace patron::sql
