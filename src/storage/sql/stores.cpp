#include "storage/sql/stores.h"

#include <optional>

#include "storage/sql/access_repository.h"
#include "storage/sql/analytics_repository.h"
#include "storage/sql/catalog_repository.h"
#include "storage/sql/currency_rates_repository.h"
#include "storage/sql/ledger_repository.h"
#include "storage/sql/offers_repository.h"
#include "storage/sql/shop_repository.h"
#include "storage/sql/transactions_repository.h"
#include "storage/sql/users_repository.h"

namespace patron::sql {
namespace {

class SociStores final : public Stores {
 public:
  explicit SociStores(soci::session& session) : session_(session) {}

  AccessStore& access() override { return made(access_); }
  AnalyticsStore& analytics() override { return made(analytics_); }
  CatalogStore& catalog() override { return made(catalog_); }
  CurrencyRatesStore& currency_rates() override { return made(currency_rates_); }
  LedgerStore& ledger() override { return made(ledger_); }
  OffersStore& offers() override { return made(offers_); }
  ShopStore& shop() override { return made(shop_); }
  TransactionsStore& transactions() override { return made(transactions_); }
  UsersStore& users() override { return made(users_); }

 private:
  template <typename Repository>
  Repository& made(std::optional<Repository>& slot) {
    if (!slot) slot.emplace(session_);
    return *slot;
  }

  soci::session& session_;
  std::optional<AccessRepository> access_;
  std::optional<AnalyticsRepository> analytics_;
  std::optional<CatalogRepository> catalog_;
  std::optional<CurrencyRatesRepository> currency_rates_;
  std::optional<LedgerRepository> ledger_;
  std::optional<OffersRepository> offers_;
  std::optional<ShopRepository> shop_;
  std::optional<TransactionsRepository> transactions_;
  std::optional<UsersRepository> users_;
};

}  // namespace

std::shared_ptr<Stores> stores_of(soci::session& session) { return std::make_shared<SociStores>(session); }

}  // namespace patron::sql
