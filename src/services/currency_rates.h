#pragma once
// Exchange rates to the program's base currency, one per currency, at most
// max_currency_rates of them. A purchase in a currency without a rate is
// refused; the rate used is stored on each transaction.
#include <optional>
#include <string>
#include <vector>

#include "domain/result.h"
#include "domain/records.h"
#include "services/session.h"

namespace patron::services {

// create: refused (conflict) when the currency has a rate; change: refused
// (not found) when it has none; set: either way.
enum class RateWrite { create, change, set };

class CurrencyRates {
 public:
  explicit CurrencyRates(Session session) : session_(session) {}

  std::vector<CurrencyRateRecord> list();
  Result<CurrencyRateRecord> find(const std::string& currency);
  Result<CurrencyRateRecord> save(const CurrencyRateRecord& rate, RateWrite mode);
  Status remove(const std::string& currency);

 private:
  Session session_;
};

}  // namespace patron::services
