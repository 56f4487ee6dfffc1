#pragma once
// Exchange rates to the program's base currency, one row per currency, kept
// by staff (GET/PUT/DELETE /api/v1/admin/currency-rates).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"
#include "domain/records.h"

namespace patron::sql {

using patron::CurrencyRateRecord;

using patron::max_currency_rates;

class CurrencyRatesStore {
 public:
  virtual ~CurrencyRatesStore() = default;

  virtual std::vector<CurrencyRateRecord> list() = 0;
  virtual std::optional<CurrencyRateRecord> find(const std::string& currency) = 0;
  virtual void upsert(const CurrencyRateRecord& rate) = 0;
  virtual bool remove(const std::string& currency) = 0;
};

}  // namespace patron::sql
