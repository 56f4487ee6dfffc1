// Staff endpoints over the latest stored analytics run (`patron analyze all`):
// they read what the run stored and never recompute, so they answer in
// milliseconds whatever the size of the history. Without a finished run they
// answer 404 with a message saying how to make one. Sentiment is the
// exception: it aggregates the behaviour store's scored feedback on request.
#include <algorithm>
#include <charconv>
#include <map>

#include "http/analytics_view.h"
#include "http/api.h"
#include "http/route_handlers.h"
#include "http/body_reader.h"
#include "services/analytics_reads.h"
#include "services/feedback_sentiment.h"

namespace patron::http {
namespace {
constexpr int kMaxRulesShown = 200;
constexpr double kMinLiftShown = 1.0;  // exclusive
constexpr long long kMaxOffset = 100'000'000;

const Error no_run{ErrorCode::not_found, "no analytics run yet: run `patron analyze all` to compute and store one", {}};

Json parsed(const std::string& text) {
  auto json = Json::parse(text, nullptr, false);
  return json.is_discarded() ? Json(nullptr) : json;
}

Json run_json(const AnalyticsRunRecord& run) {
  return {{"id", run.id},
          {"as_of", run.as_of_day},
          {"finished_at", format_rfc3339(run.finished_at)},
          {"customers", run.customers},
          {"purchases", run.purchases},
          {"parameters", parsed(run.parameters)}};
}

Json optional_number(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

// The offset cursor of score pages; absent is 0.
bool parse_offset(const Exchange& ex, long long* offset) {
  const auto text = ex.query_or("cursor", "0");
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *offset);
  return ec == std::errc{} && end == text.data() + text.size() && *offset >= 0 && *offset <= kMaxOffset;
}

// Runs `answer` with the latest finished run, or replies 404.
template <typename Answer>
void with_latest_run(Api& api, const ExchangePtr& ex, Answer&& answer) {
  api.read(ex, [&](services::Session session) {
    services::AnalyticsReads runs(session);
    const auto run = runs.latest_run();
    if (!run) return ex->fail(no_run);
    answer(runs, *run);
  });
}

void score_page(Api& api, const ExchangePtr& ex, bool by_clv) {
  const auto limit = page_limit(*ex);
  if (!limit.ok()) return ex->fail(limit.error());
  long long offset = 0;
  if (!parse_offset(*ex, &offset))
    return ex->fail(Error::validation("cursor", "must be a cursor from a previous page"));
  const auto segment = ex->query_or("segment", "");
  if (segment.size() > 64) return ex->fail(Error::validation("segment", "must be at most 64 characters"));
  with_latest_run(api, ex, [&](services::AnalyticsReads& repository, const AnalyticsRunRecord& run) {
    const auto page = repository.scores(run.id, segment, by_clv, *limit, offset);
    Json items = Json::array();
    for (const auto& s : page.items) {
      Json item{{"customer_id", s.customer_id}, {"segment", s.segment}};
      if (by_clv) {
        item["p_alive"] = optional_number(s.p_alive);
        item["expected_purchases"] = optional_number(s.expected_purchases);
        item["expected_avg_spend"] = optional_number(s.expected_avg_spend);
        item["clv"] = optional_number(s.clv);
      } else {
        item.update({{"recency_days", s.recency_days},
                     {"frequency", s.frequency},
                     {"monetary_minor", s.monetary_minor},
                     {"r", s.r_score},
                     {"f", s.f_score},
                     {"m", s.m_score}});
      }
      items.push_back(std::move(item));
    }
    Json body{{"run", run_json(run)},
              {"items", items},
              {"next_cursor", page.next_cursor ? Json(*page.next_cursor) : Json(nullptr)}};
    if (by_clv) body["models"] = parsed(run.summary).value("btyd", Json(nullptr));
    ex->json(200, body);
  });
}

Json ranked_json(const std::string& text) {
  Json list = Json::array();
  for (const auto& pair : parsed(text)) list.push_back({{"value", pair[0]}, {"score", pair[1]}});
  return list;
}

Json totals_json(const services::SentimentTotals& totals) {
  const auto average = totals.average();
  return {{"count", totals.count},
          {"average", average ? Json(*average) : Json(nullptr)},
          {"positive", totals.positive},
          {"neutral", totals.neutral},
          {"negative", totals.negative}};
}

Json groups_json(const std::vector<services::SentimentGroup>& groups, const char* key_name) {
  Json list = Json::array();
  for (const auto& group : groups) {
    Json item = totals_json(group.totals);
    item[key_name] = group.key;
    list.push_back(std::move(item));
  }
  return list;
}

}  // namespace

namespace handlers {

// Whether a run exists, as a 200 either way: the console asks this first, so a
// fresh install logs no 404 in the browser's console (issue 16).
void status(Api& api, const ExchangePtr& ex) {
  api.read(ex, [&](services::Session session) {
    const auto run = services::AnalyticsReads(session).latest_run();
    ex->json(200, {{"available", run.has_value()},
                   {"run", run ? run_json(*run) : Json(nullptr)},
                   {"message", run ? Json(nullptr) : Json(no_run.message)}});
  });
}

void rfm(Api& api, const ExchangePtr& ex) { score_page(api, ex, false); }
void clv(Api& api, const ExchangePtr& ex) { score_page(api, ex, true); }

void segments(Api& api, const ExchangePtr& ex) {
  with_latest_run(api, ex, [&](services::AnalyticsReads&, const AnalyticsRunRecord& run) {
    const Json summary = parsed(run.summary);
    ex->json(200, {{"run", run_json(run)},
                   {"segments", summary.contains("aggregates") ? summary["aggregates"]["segments"] : Json::array()}});
  });
}

// The purchase model `analyze all` chose and the holdout comparison behind
// the choice (runs stored before model selection answer with null).
void models(Api& api, const ExchangePtr& ex) {
  with_latest_run(api, ex, [&](services::AnalyticsReads&, const AnalyticsRunRecord& run) {
    const Json summary = parsed(run.summary);
    ex->json(200, {{"run", run_json(run)},
                   {"btyd", summary.value("btyd", Json(nullptr))},
                   {"model_selection", summary.value("model_selection", Json(nullptr))}});
  });
}

void affinities(Api& api, const ExchangePtr& ex) {
  const auto customer_id = ex->query_or("customer_id", "");
  if (customer_id.size() > 64) return ex->fail(Error::validation("customer_id", "must be at most 64 characters"));
  with_latest_run(api, ex, [&](services::AnalyticsReads& repository, const AnalyticsRunRecord& run) {
    const Json summary = parsed(run.summary);
    const Json affinity = parsed(run.parameters)["affinity"];
    // Runs stored before events were blended have no "events": null, not false.
    Json body{{"run", run_json(run)},
              {"half_life_days", affinity["half_life_days"]},
              {"events", affinity.value("events", Json(nullptr))}};
    if (customer_id.empty()) {
      const Json aggregates = summary.value("aggregates", Json::object());
      body["top_categories"] = aggregates.value("top_categories", Json::array());
      body["top_brands"] = aggregates.value("top_brands", Json::array());
      return ex->json(200, body);
    }
    const auto score = repository.score_of(run.id, customer_id);
    if (!score) return ex->fail(Error::not_found("customer not in the latest analytics run"));
    body["customer_id"] = customer_id;
    body["categories"] = ranked_json(score->categories);
    body["brands"] = ranked_json(score->brands);
    ex->json(200, body);
  });
}

void cohorts(Api& api, const ExchangePtr& ex) {
  with_latest_run(api, ex, [&](services::AnalyticsReads& repository, const AnalyticsRunRecord& run) {
    Json list = Json::array();
    for (const auto& cell : repository.cohorts(run.id)) {
      if (list.empty() || list.back()["month"] != cell.first_month) {
        list.push_back({{"month", cell.first_month},
                        {"customers", cell.customers},
                        {"active", Json::array()},
                        {"retention", Json::array()}});
      }
      list.back()["active"].push_back(cell.active);
      list.back()["retention"].push_back(cell.customers == 0 ? 0.0 : static_cast<double>(cell.active) / cell.customers);
    }
    ex->json(200, {{"run", run_json(run)}, {"cohorts", list}});
  });
}

void rules(Api& api, const ExchangePtr& ex) {
  const auto limit = page_limit(*ex);
  if (!limit.ok()) return ex->fail(limit.error());
  with_latest_run(api, ex, [&](services::AnalyticsReads& repository, const AnalyticsRunRecord& run) {
    Json list = Json::array();
    // The catalog names of the SKUs the rules mention, so the console can show
    // "Sea salt crisps" rather than "SNK-001" (SKUs no longer in the catalog
    // are left out).
    Json names = Json::object();
    const auto name = [&](const Json& sku) {
      if (!sku.is_string() || names.contains(sku.get<std::string>())) return;
      if (auto found = repository.product_name(sku.get<std::string>())) names[sku.get<std::string>()] = *found;
    };
    // "Bought together": a rule at or below lift 1 says the items go together
    // no more often than by chance (or less), so it is not shown.
    for (const auto& rule : repository.rules_with_lift_above(run.id, kMinLiftShown, std::min(*limit, kMaxRulesShown))) {
      Json antecedent = parsed(rule.antecedent);
      for (const auto& sku : antecedent) name(sku);
      name(Json(rule.consequent));
      list.push_back({{"antecedent", std::move(antecedent)},
                      {"consequent", rule.consequent},
                      {"support", rule.support},
                      {"confidence", rule.confidence},
                      {"lift", rule.lift}});
    }
    ex->json(200, {{"run", run_json(run)}, {"rules", list}, {"names", names}});
  });
}

void sentiment(Api& api, const ExchangePtr& ex) {
  int days = services::kDefaultSentimentDays;
  const auto text = ex->query_or("days", std::to_string(services::kDefaultSentimentDays));
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return ex->fail(Error::validation("days", "must be an integer from 1 to 3660"));
  }
  auto* store = api.documents();
  if (store == nullptr) {
    return ex->json(200, {{"available", false}, {"message", "the behaviour store is not attached to this server"}});
  }
  auto report = services::feedback_sentiment(*store, days, Api::now());
  if (!report.ok()) return ex->fail(report.error());
  Json body = totals_json(report->overall);
  body.update({{"available", true},
               {"days", days},
               {"from", format_rfc3339(report->from_ms / 1000)},
               {"truncated", report->truncated},
               {"by_product", groups_json(report->by_product, "sku")},
               {"by_store", groups_json(report->by_store, "store_id")},
               {"months", groups_json(report->months, "month")}});
  ex->json(200, body);
}

}  // namespace handlers

void add_customer_analytics(services::Session session, const std::string& customer_id, Json& body) {
  body["segment"] = nullptr;
  body["clv"] = nullptr;
  body["p_alive"] = nullptr;
  const auto score = services::AnalyticsReads(session).latest_score_of(customer_id);
  if (!score) return;
  body["segment"] = score->segment;
  body["clv"] = optional_number(score->clv);
  body["p_alive"] = optional_number(score->p_alive);
}

}  // namespace patron::http
