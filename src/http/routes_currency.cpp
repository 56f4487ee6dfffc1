// Exchange rates to the program's base currency: staff read them, admins set
// and remove them. A purchase in a currency without a rate is refused
// (unsupported_currency); the rate used is stored on each transaction.
#include "domain/money.h"
#include "http/api.h"
#include "http/body_reader.h"
#include "http/route_handlers.h"
#include "services/currency_rates.h"
#include "services/program_cache.h"

namespace patron::http {
namespace {
// A rate's id is its currency code: one rate per currency.
Json rate_json(const CurrencyRateRecord& rate) {
  return {{"id", rate.currency},
          {"currency", rate.currency},
          {"rate", format_rate(rate.rate_nano)},
          {"minor_unit_exponent", minor_unit_exponent(rate.currency).value_or(2)},
          {"updated_at", format_rfc3339(rate.updated_at)}};
}

// A currency code, checked against ISO 4217 and the base currency.
Result<std::string> checked_currency(const Api& api, const std::string& code) {
  if (!is_valid_currency_code(code)) return Error::validation("currency", "must be an ISO 4217 code such as EUR");
  if (code == api.settings().program.base_currency) {
    return Error::validation("currency", "is the program's base currency, which needs no rate");
  }
  return code;
}

std::function<void()> rates_changed(Api& api) {
  return [cache = api.settings().program.cache] {
    if (cache) cache->invalidate();
  };
}

// POST creates (409 when the currency has a rate), PATCH changes an existing
// one (404 when none), PUT sets either way.
using services::RateWrite;

void save_rate(Api& api, const ExchangePtr& ex, const std::string& code, RateWrite mode) {
  auto currency = checked_currency(api, code);
  if (!currency.ok()) return ex->fail(currency.error());
  auto in = BodyReader::of_body(ex->body);
  const auto text = in.text("rate", max_rate_text_length);
  if (!in.ok()) return ex->fail(in.error());
  auto rate = parse_rate(text, "rate");
  if (!rate.ok()) return ex->fail(rate.error());
  CurrencyRateRecord record{*currency, *rate, Api::now(), ex->principal.user_id};
  api.write(
      ex,
      [record, mode](services::Session session) -> Result<Reply> {
        return json_reply(mode == RateWrite::create ? 201 : 200, services::CurrencyRates(session).save(record, mode),
                          rate_json);
      },
      rates_changed(api));
}

}  // namespace

namespace handlers {

void list_rates(Api& api, const ExchangePtr& ex) {
  api.read(ex, [&](services::Session session) {
    Json items = Json::array();
    for (const auto& rate : services::CurrencyRates(session).list()) items.push_back(rate_json(rate));
    const auto& base = api.settings().program.base_currency;
    ex->json(200, {{"base_currency", base},
                   {"base_minor_unit_exponent", minor_unit_exponent(base).value_or(2)},
                   {"items", items}});
  });
}

void create_rate(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  const auto code = in.text("currency", 3);
  if (!in.ok()) return ex->fail(in.error());
  save_rate(api, ex, code, RateWrite::create);
}

void put_rate(Api& api, const ExchangePtr& ex) { save_rate(api, ex, ex->params.at("currency"), RateWrite::set); }

void change_rate(Api& api, const ExchangePtr& ex) { save_rate(api, ex, ex->params.at("currency"), RateWrite::change); }

void get_rate(Api& api, const ExchangePtr& ex) {
  auto currency = checked_currency(api, ex->params.at("currency"));
  if (!currency.ok()) return ex->fail(currency.error());
  api.read(ex, [&](services::Session session) {
    auto rate = services::CurrencyRates(session).find(*currency);
    if (!rate.ok()) return ex->fail(rate.error());
    ex->json(200, rate_json(*rate));
  });
}

void delete_rate(Api& api, const ExchangePtr& ex) {
  auto currency = checked_currency(api, ex->params.at("currency"));
  if (!currency.ok()) return ex->fail(currency.error());
  api.write(
      ex,
      [code = *currency](services::Session session) -> Result<Reply> {
        if (auto removed = services::CurrencyRates(session).remove(code); !removed.ok()) return removed.error();
        return Reply{204, "", "application/json", {}};
      },
      rates_changed(api));
}

}  // namespace handlers

}  // namespace patron::http
