#include "services/full_analysis.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>

#include "analytics/affinity.h"
#include "analytics/baskets.h"
#include "analytics/btyd.h"
#include "analytics/cohorts.h"
#include "analytics/rfm.h"
#include "services/affinity_events.h"
#include "services/model_choice.h"
#include "storage/sql/history_reader.h"

namespace patron::services {

// The summary names each count as the struct does (nlohmann::json: sorted by name).
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(AffinityEventCounts, read, blended, unknown_customer, without_weight,
                                   without_attribute)

namespace {

namespace an = patron::analytics;
using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double current_rss_mb() {
  std::ifstream statm("/proc/self/statm");
  long long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Times consecutive stages: each call to end() closes the stage begun by the previous one.
class StageClock {
 public:
  StageClock(std::vector<StageReport>& stages, const FullAnalysisHooks& hooks) : stages_(stages), hooks_(hooks) {}
  void end(const char* stage) {
    const auto now = Clock::now();
    StageReport report{stage, std::chrono::duration<double>(now - start_).count(), current_rss_mb(), peak_rss_mb()};
    stages_.push_back(report);
    if (hooks_.stage_done) hooks_.stage_done(report);
    start_ = now;
  }

 private:
  std::vector<StageReport>& stages_;
  const FullAnalysisHooks& hooks_;
  Clock::time_point start_ = Clock::now();
};

Json parameters_json(const FullAnalysisOptions& o, an::Day as_of) {
  return {{"as_of", an::format_date(as_of)},
          {"period", o.period == an::Period::weeks ? "weeks" : "days"},
          {"horizon_periods", o.horizon_periods},
          {"monthly_discount_rate", o.monthly_discount_rate},
          {"rules",
           {{"min_support", o.rules.min_support},
            {"min_confidence", o.rules.min_confidence},
            {"min_length", o.rules.min_length},
            {"max_length", o.rules.max_length},
            {"max_rules", o.max_rules}}},
          {"affinity", {{"half_life_days", o.half_life_days}, {"top_k", o.affinity_top_k}}}};
}

Json weights_json(const an::EventWeights& w) {
  return {{"view", w.view},
          {"search", w.search},
          {"add_to_cart", w.add_to_cart},
          {"remove_from_cart", w.remove_from_cart},
          {"wishlist", w.wishlist},
          {"click_offer", w.click_offer}};
}

// Reads the events when asked to; a store that cannot be opened or fails
// mid-read leaves the run on purchases only, saying why, rather than failing
// it: the behaviour store is optional, the ledger's history is not.
// Returns the run summary's "events" object; `columns` is left empty unless used.
Json read_events(const FullAnalysisOptions& options, const sql::StoredHistory& history, an::Day as_of,
                 an::EventColumns& columns) {
  const an::EventWeights weights;
  if (!options.open_events_store) return {{"used", false}, {"reason", options.events_skipped_reason}};
  const auto store = options.open_events_store();
  if (!store) return {{"used", false}, {"reason", store.error().message}};
  const AffinityEventOptions event_options{
      as_of, options.half_life_days, weights, {AffinityKind::category, AffinityKind::brand}};
  auto events = read_affinity_events(*store.value(), history, event_options);
  if (!events) return {{"used", false}, {"reason", events.error().message}};
  columns = std::move(events->columns);
  Json summary{{"used", true}};
  summary.update(Json(nlohmann::json(events->counts)));
  summary["window_half_lives"] = kEventWindowHalfLives;
  summary["weights"] = weights_json(weights);
  return summary;
}

void fill_rfm(const an::RfmTable& rfm, const std::vector<std::string>& ids, sql::CustomerScoreColumns& s) {
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    s.customer_id.push_back(ids[rfm.customer_index[i]]);
    s.recency_days.push_back(rfm.recency_days[i]);
    s.frequency.push_back(rfm.frequency[i]);
    s.monetary_minor.push_back(rfm.monetary_minor[i]);
    s.r_score.push_back(rfm.r_score[i]);
    s.f_score.push_back(rfm.f_score[i]);
    s.m_score.push_back(rfm.m_score[i]);
    s.segment.emplace_back(an::segment_name(rfm.segment[i]));
  }
}

// BTYD values go to the RFM rows of the same customers. With calibration
// ending the day before as_of every scored customer has a summary row; if one
// has not (an as_of inside the history), the BTYD columns stay empty (NULL)
// rather than hold a made-up probability.
void fill_btyd(const an::RfmTable& rfm, const an::CustomerSummary& summary, const an::BtydReport& report,
               std::size_t customer_count, sql::CustomerScoreColumns& s) {
  std::vector<std::int64_t> summary_row(customer_count, -1);
  for (std::size_t row = 0; row < summary.size(); ++row) {
    summary_row[summary.customer_index[row]] = static_cast<std::int64_t>(row);
  }
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    if (summary_row[rfm.customer_index[i]] < 0) return;
  }
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    const auto row = static_cast<std::size_t>(summary_row[rfm.customer_index[i]]);
    s.p_alive.push_back(report.p_alive[row]);
    s.expected_purchases.push_back(report.expected_purchases[row]);
    if (report.gamma_gamma) {
      s.expected_avg_spend.push_back(report.expected_avg_spend[row]);
      s.clv.push_back(report.clv[row]);
    }
  }
}

std::vector<RuleRecord> rules_of(const an::Baskets& baskets, std::vector<an::AssociationRule> rules,
                                      std::size_t max_rules) {
  if (rules.size() > max_rules) rules.resize(max_rules);
  std::vector<RuleRecord> out;
  for (const auto& rule : rules) {
    Json antecedent = Json::array();
    for (const auto item : rule.antecedent) antecedent.push_back(baskets.item_names[item]);
    out.push_back({antecedent.dump(), baskets.item_names[rule.consequent], rule.support, rule.confidence, rule.lift});
  }
  return out;
}

std::vector<CohortCellRecord> cohort_cells(const std::vector<an::Cohort>& cohorts) {
  std::vector<CohortCellRecord> cells;
  for (const auto& cohort : cohorts) {
    for (std::size_t k = 0; k < cohort.active.size(); ++k) {
      cells.push_back(
          {an::format_month(cohort.first_month), static_cast<long long>(k), cohort.customers, cohort.active[k]});
    }
  }
  return cells;
}

// Each scored customer's affinities, as first value and JSON of the top few.
void fill_affinity(const an::RfmTable& rfm, const an::AffinityTable& table, const std::vector<std::string>& names,
                   std::vector<std::string>& first, std::vector<std::string>& ranked) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < rfm.size(); ++i) {
    const std::uint32_t customer = rfm.customer_index[i];
    while (at < table.size() && table.customer_index[at] < customer) ++at;
    Json list = Json::array();
    for (; at < table.size() && table.customer_index[at] == customer; ++at) {
      list.push_back(Json::array({names[table.attribute[at]], table.score[at]}));
    }
    first.push_back(list.empty() ? std::string() : list[0][0].get<std::string>());
    ranked.push_back(list.dump());
  }
}

// Segment sizes and values, and the most common first category and brand:
// what the API shows without scanning a million rows per request.
Json aggregates(const sql::CustomerScoreColumns& s) {
  struct SegmentTotals {
    long long customers = 0, monetary_minor = 0;
    double p_alive = 0, clv = 0;
  };
  std::map<std::string, SegmentTotals> segments;
  std::map<std::string, long long> categories, brands;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto& totals = segments[s.segment[i]];
    ++totals.customers;
    totals.monetary_minor += s.monetary_minor[i];
    if (!s.p_alive.empty()) totals.p_alive += s.p_alive[i];
    if (!s.clv.empty()) totals.clv += s.clv[i];
    if (!s.top_category[i].empty()) ++categories[s.top_category[i]];
    if (!s.top_brand[i].empty()) ++brands[s.top_brand[i]];
  }
  Json segment_list = Json::array();
  for (const auto& [name, t] : segments) {
    const double n = static_cast<double>(t.customers);
    segment_list.push_back({{"segment", name},
                            {"customers", t.customers},
                            {"monetary_minor", t.monetary_minor},
                            {"mean_p_alive", s.p_alive.empty() ? Json(nullptr) : Json(t.p_alive / n)},
                            {"mean_clv", s.clv.empty() ? Json(nullptr) : Json(t.clv / n)},
                            {"total_clv", s.clv.empty() ? Json(nullptr) : Json(t.clv)}});
  }
  std::stable_sort(segment_list.begin(), segment_list.end(),
                   [](const Json& l, const Json& r) { return l["customers"] > r["customers"]; });
  auto popular = [&](const std::map<std::string, long long>& counts) {
    std::vector<std::pair<std::string, long long>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& l, const auto& r) { return l.second > r.second; });
    if (sorted.size() > kPopularAffinitiesShown) sorted.resize(kPopularAffinitiesShown);
    Json list = Json::array();
    for (const auto& [value, customers] : sorted)
      list.push_back({{"value", value}, {"customers_first_choice", customers}});
    return list;
  };
  return {{"segments", segment_list}, {"top_categories", popular(categories)}, {"top_brands", popular(brands)}};
}

Json btyd_summary(const Result<an::BtydReport>& report) {
  if (!report.ok()) return {{"error", report.error().message}};
  const auto& fit = report->purchases;
  Json params{{"log_likelihood", fit.log_likelihood}};
  const auto names = an::parameter_names(fit.model);
  for (std::size_t k = 0; k < names.size(); ++k) params[names[k]] = fit.params[k];
  Json json{{"model", an::model_name(fit.model)},
            {an::model_name(fit.model), params},
            {"distinct_histories", report->distinct_histories}};
  if (report->gamma_gamma) {
    const auto& g = report->gamma_gamma->params;
    json["gamma_gamma"] = {{"p", g.p}, {"q", g.q}, {"gamma", g.gamma}};
  }
  return json;
}

void store_results(Session session, FullAnalysis& run, const Json& parameters, std::int64_t now,
                   std::size_t purchases) {
  auto& repository = session.stores().analytics();
  run.run_id = repository.begin_run(now, parameters["as_of"].get<std::string>(), parameters.dump());
  soci::transaction tx(session);
  repository.write_scores(run.run_id, run.scores);
  repository.write_rules(run.run_id, run.rules);
  repository.write_cohorts(run.run_id, run.cohorts);
  repository.prune_old_runs(run.run_id);
  repository.finish_run(run.run_id, now, run.summary.dump(), static_cast<long long>(run.scores.size()),
                        static_cast<long long>(purchases));
  tx.commit();
}

an::BtydOptions btyd_options(const FullAnalysisOptions& options, an::RepeatModel model, StageClock& clock) {
  an::BtydOptions btyd;
  btyd.model = model;
  btyd.horizon_periods = options.horizon_periods;
  btyd.clv.horizon_periods = options.horizon_periods;
  btyd.clv.step_periods = 30.0 / an::days_per_period(options.period);
  btyd.clv.discount_rate_per_step = options.monthly_discount_rate;
  btyd.on_stage = [&clock](const char* stage) { clock.end(stage); };
  return btyd;
}

// Rules over at least kMinRuleBaskets baskets, however low the asked support.
std::vector<RuleRecord> store_rules(const an::Baskets& baskets, const FullAnalysisOptions& options) {
  an::RuleOptions rule_options = options.rules;
  if (baskets.size() > 0) {
    rule_options.min_support =
        std::max(rule_options.min_support, kMinRuleBaskets / static_cast<double>(baskets.size()));
  }
  return rules_of(baskets, an::association_rules(baskets, rule_options), options.max_rules);
}

Json stages_json(const std::vector<StageReport>& stages) {
  Json out = Json::array();
  for (const auto& stage : stages) {
    out.push_back({{"stage", stage.stage}, {"seconds", stage.seconds}, {"peak_rss_mb", stage.peak_rss_mb}});
  }
  return out;
}

}  // namespace

Result<FullAnalysis> run_full_analysis(Session session, const FullAnalysisOptions& options, std::int64_t now,
                                       const FullAnalysisHooks& hooks) {
  FullAnalysis run;
  StageClock clock(run.stages, hooks);
  const sql::StoredHistory history = sql::read_history(session, {true}, hooks.reading);
  const auto& purchases = history.purchases.purchases;
  const std::size_t customers = history.purchases.customer_count();
  clock.end("read");
  if (purchases.size() == 0) return Error::validation("transactions", "the store holds no purchases to analyse");

  const an::Day as_of = options.as_of.value_or(an::day_after_last_purchase(purchases));
  Json parameters = parameters_json(options, as_of);
  const an::CustomerSummary summary = an::summarize(purchases, customers, {as_of - 1, options.period, 100.0});
  clock.end("summary");
  const an::RfmTable rfm = an::compute_rfm(purchases, customers, {as_of, 0});
  fill_rfm(rfm, history.purchases.customer_ids, run.scores);
  clock.end("rfm");

  const ModelChoice choice = choose_purchase_model(purchases, customers, options.period);
  clock.end("models");
  const auto report = summary.size() > 0 ? an::analyze_btyd(summary, btyd_options(options, choice.chosen, clock))
                                         : Result<an::BtydReport>(Error::validation("summary", "no customers"));
  if (report.ok()) fill_btyd(rfm, summary, *report, customers, run.scores);

  const an::Baskets baskets = an::baskets_from_lines(history.lines.purchase_row, history.lines.item, history.item_sku);
  run.rules = store_rules(baskets, options);
  clock.end("rules");

  an::EventColumns events(2);
  const Json events_summary = read_events(options, history, as_of, events);
  parameters["affinity"]["events"] = {{"used", events_summary["used"]},
                                      {"blended", events_summary.value("blended", std::size_t{0})}};
  clock.end("events");
  const an::AffinityOptions affinity{as_of, options.half_life_days, options.affinity_top_k, 0};
  auto tables = an::compute_affinities(
      purchases, history.lines,
      {{&history.item_category, history.category_names.size()}, {&history.item_brand, history.brand_names.size()}},
      customers, affinity, events);
  fill_affinity(rfm, tables[0], history.category_names, run.scores.top_category, run.scores.categories);
  fill_affinity(rfm, tables[1], history.brand_names, run.scores.top_brand, run.scores.brands);
  clock.end("affinity");
  run.cohorts = cohort_cells(an::cohort_retention(purchases, customers));
  clock.end("cohorts");

  run.summary = {{"parameters", parameters},
                 {"customers", rfm.size()},
                 {"purchases", purchases.size()},
                 {"lines", history.lines.size()},
                 {"baskets", baskets.size()},
                 {"btyd", btyd_summary(report)},
                 {"model_selection", choice.summary},
                 {"rules", run.rules.size()},
                 {"events", events_summary},
                 {"cohort_cells", run.cohorts.size()},
                 {"aggregates", aggregates(run.scores)}};
  run.summary["stages"] = stages_json(run.stages);
  if (options.store_results) {
    store_results(session, run, parameters, now, purchases.size());
    clock.end("write-back");
  }
  return run;
}

}  // namespace patron::services
