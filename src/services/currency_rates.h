#pragma once
// Exchange rates to the program's base currency, one per currency, at most
// sql::max_currency_rates of them. A purchase in a currency without a rate is
// refused; the rate used is stored on each transaction.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/result.h"
#include "storage/sql/currency_rates_repository.h"

namespace patron::services {

// create: refused (conflict) when the currency has a rate; change: refused
// (not found) when it has none; set: either way.
enum class RateWrite { create, change, set };

class CurrencyRates {
 public:
  explicit CurrencyRates(soci::session& session) : session_(session) {}

  std::vector<sql::CurrencyRateRecord> list();
  Result<sql::CurrencyRateRecord> find(const std::string& currency);
  Result<sql::CurrencyRateRecord> save(const sql::CurrencyRateRecord& rate, RateWrite mode);
  Status remove(const std::string& currency);

 private:
  soci::session& session_;
};

}  // namespace patron::services
