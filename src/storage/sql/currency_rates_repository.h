#pragma once
// The SOCI adapter of the CurrencyRatesStore port (storage/sql/currency_rates_store.h): the same
// statements on SQLite, MariaDB and PostgreSQL, dialect by dialect where they differ.
#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/sql/currency_rates_store.h"

namespace patron::sql {

class CurrencyRatesRepository final : public CurrencyRatesStore {
 public:
  explicit CurrencyRatesRepository(soci::session& session) : session_(session) {}

  std::vector<CurrencyRateRecord> list() override;
  std::optional<CurrencyRateRecord> find(const std::string& currency) override;
  void upsert(const CurrencyRateRecord& rate) override;
  bool remove(const std::string& currency) override;

 private:
  soci::session& session_;
};

}  // namespace patron::sql
