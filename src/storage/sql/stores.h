#pragma once
// The SQL side's port: the stores one transaction (a read snapshot or a write
// job) reaches, each an abstract class in the domain's words (the *_store.h
// headers). The services use these alone; the SOCI adapters behind them (the
// *_repository.h classes) are made by stores_of(), on first use, and throw
// soci_error, which the read pool and the write queue turn into Error values
// (failures.h).
#include <memory>

#include "storage/sql/access_store.h"
#include "storage/sql/analytics_store.h"
#include "storage/sql/catalog_store.h"
#include "storage/sql/currency_rates_store.h"
#include "storage/sql/ledger_store.h"
#include "storage/sql/offers_store.h"
#include "storage/sql/shop_store.h"
#include "storage/sql/transactions_store.h"
#include "storage/sql/users_store.h"

namespace soci {
class session;
}

namespace patron::sql {

class Stores {
 public:
  virtual ~Stores() = default;

  virtual AccessStore& access() = 0;
  virtual AnalyticsStore& analytics() = 0;
  virtual CatalogStore& catalog() = 0;
  virtual CurrencyRatesStore& currency_rates() = 0;
  virtual LedgerStore& ledger() = 0;
  virtual OffersStore& offers() = 0;
  virtual ShopStore& shop() = 0;
  virtual TransactionsStore& transactions() = 0;
  virtual UsersStore& users() = 0;
};

// The SOCI adapters over `session`, for as long as it is open.
std::shared_ptr<Stores> stores_of(soci::session& session);

}  // namespace patron::sql
