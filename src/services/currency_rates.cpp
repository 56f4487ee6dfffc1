#include "services/currency_rates.h"

namespace patron::services {
namespace {

Error no_rate_for(const std::string& currency) { return Error::not_found("no rate is set for " + currency); }

}  // namespace

std::vector<CurrencyRateRecord> CurrencyRates::list() { return session_.stores().currency_rates().list(); }

Result<CurrencyRateRecord> CurrencyRates::find(const std::string& currency) {
  auto rate = session_.stores().currency_rates().find(currency);
  if (!rate) return no_rate_for(currency);
  return std::move(*rate);
}

Result<CurrencyRateRecord> CurrencyRates::save(const CurrencyRateRecord& rate, RateWrite mode) {
  auto& rates = session_.stores().currency_rates();
  const bool exists = rates.find(rate.currency).has_value();
  if (mode == RateWrite::create && exists) {
    return Error{ErrorCode::conflict, "a rate for " + rate.currency + " is already set", "currency"};
  }
  if (mode == RateWrite::change && !exists) return no_rate_for(rate.currency);
  if (!exists && static_cast<int>(rates.list().size()) >= sql::max_currency_rates) {
    return Error{ErrorCode::limit_exceeded, "no more currency rates can be added", "currency"};
  }
  rates.upsert(rate);
  return rate;
}

Status CurrencyRates::remove(const std::string& currency) {
  if (!session_.stores().currency_rates().remove(currency)) return no_rate_for(currency);
  return Unit{};
}

}  // namespace patron::services
