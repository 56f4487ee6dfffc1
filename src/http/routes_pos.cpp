#include "domain/limits.h"
#include "domain/money.h"
#include "domain/validation.h"
#include "http/api.h"
#include "http/body_reader.h"
#include "http/route_handlers.h"

namespace patron::http {
namespace {
constexpr std::size_t max_purchases_per_batch = 1000;

Json purchase_json(const services::PurchaseOutcome& outcome) {
  Json applied = Json::array();
  for (const auto& a : outcome.applied) {
    Json item{{"source", a.source}, {a.source, a.id}, {"id", a.id}, {"name", a.name}, {"points", a.points}};
    if (a.discount_minor > 0) item["discount_minor"] = a.discount_minor;
    if (!a.voucher_code.empty()) item["voucher_code"] = a.voucher_code;
    applied.push_back(std::move(item));
  }
  return {{"transaction_id", outcome.transaction_id},
          {"customer_id", outcome.customer_id},
          {"points_earned", outcome.points_earned},
          {"balance_after", outcome.balance_after},
          {"tier",
           outcome.tier.code.empty() ? Json(nullptr) : Json{{"code", outcome.tier.code}, {"name", outcome.tier.name}}},
          {"applied", applied},
          {"currency", outcome.currency},
          {"total_minor", outcome.total_minor}};
}

// Reads one purchase; a store API key may record only for its own store.
Result<services::PurchaseCommand> read_purchase(const Json& object, const Principal& principal,
                                                const std::string& prefix = "") {
  if (!object.is_object()) return Error::validation(prefix, "must be an object");
  BodyReader in(object, prefix);
  services::PurchaseCommand command;
  if (const auto* customer = in.object("customer")) {
    BodyReader who(*customer, in.path("customer"));
    command.customer.id = who.optional_text("id", 64).value_or("");
    command.customer.card_number = who.optional_text("card_number", 32).value_or("");
    command.customer.email = who.optional_text("email", max_email_length).value_or("");
    const int given =
        !command.customer.id.empty() + !command.customer.card_number.empty() + !command.customer.email.empty();
    if (!who.ok()) return who.error();
    if (given != 1) return Error::validation(in.path("customer"), "give exactly one of id, card_number or email");
  }
  command.store_id = principal.role == "store" ? in.optional_text("store_id", 64).value_or(principal.store_id)
                                               : in.text("store_id", 64);
  command.occurred_at = in.optional_time("occurred_at").value_or(Api::now());
  command.currency = in.optional_text("currency", 3).value_or("");  // the base currency when absent
  command.external_id = in.optional_text("external_id", 128).value_or("");
  const auto* lines = in.array("lines", max_lines_per_purchase);
  if (!in.ok()) return in.error();
  if (principal.role == "store" && command.store_id != principal.store_id) {
    return Error{ErrorCode::forbidden, "this API key records purchases for its own store only", in.path("store_id")};
  }
  if (!command.currency.empty() && !is_valid_currency_code(command.currency)) {
    return Error::validation(in.path("currency"), "must be an ISO 4217 code");
  }
  if (lines->empty()) return Error::validation(in.path("lines"), "must have at least one line");
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto line_path = in.path("lines[" + std::to_string(i) + "]");
    if (!(*lines)[i].is_object()) return Error::validation(line_path, "must be an object");
    BodyReader line((*lines)[i], line_path);
    services::PurchaseLineInput input;
    input.sku = line.text("sku", 64);
    input.quantity = line.integer("quantity", 1, max_quantity_per_line);
    input.unit_price_minor = line.optional_integer("unit_price_minor", 0, max_unit_price_minor);
    if (!line.ok()) return line.error();
    command.lines.push_back(std::move(input));
  }
  return command;
}

}  // namespace

namespace handlers {

void record_purchase(Api& api, const ExchangePtr& ex) {
  auto body = parse_object(ex->body);
  if (!body.ok()) return ex->fail(body.error());
  auto command = read_purchase(*body, ex->principal);
  if (!command.ok()) return ex->fail(command.error());
  api.write(ex, [&api, command = std::move(command).value()](services::Session session) -> Result<Reply> {
    return json_reply(201, services::Loyalty(session, api.settings().program).record_purchase(command, Api::now()),
                      purchase_json);
  });
}

// Each purchase commits or fails on its own (a savepoint each), in one batch.
void record_batch(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  const auto* purchases = in.array("purchases", max_purchases_per_batch);
  if (!in.ok()) return ex->fail(in.error());
  std::vector<Result<services::PurchaseCommand>> commands;
  for (std::size_t i = 0; i < purchases->size(); ++i) {
    commands.push_back(read_purchase((*purchases)[i], ex->principal, "purchases[" + std::to_string(i) + "]"));
  }
  api.write(ex, [&api, commands = std::move(commands)](services::Session session) -> Result<Reply> {
    const auto outcomes =
        services::Loyalty(session, api.settings().program).record_purchases_each(commands, Api::now());
    Json results = Json::array();
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      Json result{{"index", i}};
      if (outcomes[i].ok()) {
        result["status"] = 201;
        result.update(purchase_json(*outcomes[i]));
      } else {
        result["status"] = status_for(outcomes[i].error().code);
        result.update(error_body(outcomes[i].error()));
      }
      results.push_back(result);
    }
    return json_reply(207, {{"results", results}});
  });
}

void record_return(Api& api, const ExchangePtr& ex) {
  auto in = BodyReader::of_body(ex->body);
  auto transaction_id = in.text("transaction_id", 64);
  const auto* lines = in.array("lines", max_lines_per_purchase);
  if (!in.ok()) return ex->fail(in.error());
  if (lines->empty()) return ex->fail(Error::validation("lines", "must have at least one line"));
  std::vector<services::ReturnLineInput> inputs;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto path = "lines[" + std::to_string(i) + "]";
    if (!(*lines)[i].is_object()) return ex->fail(Error::validation(path, "must be an object"));
    BodyReader line((*lines)[i], path);
    services::ReturnLineInput input{line.text("sku", 64), line.integer("quantity", 1, max_quantity_per_line)};
    if (!line.ok()) return ex->fail(line.error());
    inputs.push_back(std::move(input));
  }
  std::optional<std::string> store_scope;
  if (ex->principal.role == "store") store_scope = ex->principal.store_id;
  api.write(ex, [&api, transaction_id, inputs, store_scope](services::Session session) -> Result<Reply> {
    auto outcome = services::Loyalty(session, api.settings().program)
                       .record_return(transaction_id, inputs, store_scope, Api::now());
    if (!outcome.ok()) return outcome.error();
    return json_reply(201, {{"return_id", outcome->return_id},
                            {"points_reversed", outcome->points_reversed},
                            {"amount_minor", outcome->amount_minor},
                            {"balance_after", outcome->balance_after}});
  });
}

}  // namespace handlers

}  // namespace patron::http
