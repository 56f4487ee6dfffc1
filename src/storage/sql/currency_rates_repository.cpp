#include "storage/sql/currency_rates_repository.h"
#include "storage/sql/queries.h"

namespace patron::sql {

std::vector<CurrencyRateRecord> CurrencyRatesRepository::list() {
  CurrencyRateRecord row;
  const int limit = max_currency_rates;
  return fetch_all((session_.prepare << "SELECT currency, rate_nano, updated_at, updated_by FROM currency_rates "
                                        "ORDER BY currency LIMIT :n",
                    soci::use(limit), soci::into(row.currency), soci::into(row.rate_nano), soci::into(row.updated_at),
                    soci::into(row.updated_by)),
                   row);
}

std::optional<CurrencyRateRecord> CurrencyRatesRepository::find(const std::string& currency) {
  CurrencyRateRecord row;
  session_ << "SELECT currency, rate_nano, updated_at, updated_by FROM currency_rates WHERE currency = :c",
      soci::use(currency), soci::into(row.currency), soci::into(row.rate_nano), soci::into(row.updated_at),
      soci::into(row.updated_by);
  if (!session_.got_data()) return std::nullopt;
  return row;
}

void CurrencyRatesRepository::upsert(const CurrencyRateRecord& rate) {
  // Looked up first: MySQL counts an UPDATE that changes nothing as no row.
  const long long value = rate.rate_nano, at = rate.updated_at;
  if (find(rate.currency)) {
    session_ << "UPDATE currency_rates SET rate_nano = :r, updated_at = :a, updated_by = :b WHERE currency = :c",
        soci::use(value), soci::use(at), soci::use(rate.updated_by), soci::use(rate.currency);
    return;
  }
  session_ << "INSERT INTO currency_rates (currency, rate_nano, updated_at, updated_by) VALUES (:c, :r, :a, :b)",
      soci::use(rate.currency), soci::use(value), soci::use(at), soci::use(rate.updated_by);
}

bool CurrencyRatesRepository::remove(const std::string& currency) {
  soci::statement st = (session_.prepare << "DELETE FROM currency_rates WHERE currency = :c", soci::use(currency));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace patron::sql
