#pragma once
// Exchange rates to the program's base currency, one row per currency, kept
// by staff (GET/PUT/DELETE /api/v1/admin/currency-rates).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/money.h"
#include "domain/records.h"

namespace patron::sql {

using patron::CurrencyRateRecord;

using patron::max_currency_rates;

class CurrencyRatesRepository {
 public:
  explicit CurrencyRatesRepository(soci::session& session) : session_(session) {}

  std::vector<CurrencyRateRecord> list();
  std::optional<CurrencyRateRecord> find(const std::string& currency);
  void upsert(const CurrencyRateRecord& rate);
  bool remove(const std::string& currency);

 private:
  soci::session& session_;
};

}  // namespace patron::sql
