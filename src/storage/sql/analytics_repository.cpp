#include "storage/sql/analytics_repository.h"

#include <algorithm>
#include <cassert>

#include "storage/sql/queries.h"
#include "storage/sql/sqlite_direct.h"

namespace patron::sql {
namespace {

// Rows [begin, end) of a column, for writing a large table in chunks.
template <typename T>
std::vector<T> slice(const std::vector<T>& column, std::size_t begin, std::size_t end) {
  return std::vector<T>(column.begin() + static_cast<std::ptrdiff_t>(begin),
                        column.begin() + static_cast<std::ptrdiff_t>(end));
}

// A nullable double column: absent (empty) becomes all NULL.
struct NullableColumn {
  std::vector<double> values;
  std::vector<soci::indicator> indicators;
  NullableColumn(const std::vector<double>& column, std::size_t begin, std::size_t end) {
    if (column.empty()) {
      values.assign(end - begin, 0.0);
      indicators.assign(end - begin, soci::i_null);
    } else {
      values = slice(column, begin, end);
      indicators.assign(end - begin, soci::i_ok);
    }
  }
};

std::optional<double> nullable(double value, soci::indicator ind) {
  return ind == soci::i_ok ? std::optional<double>(value) : std::nullopt;
}

}  // namespace

long long AnalyticsRepository::begin_run(std::int64_t started_at, const std::string& as_of_day,
                                         const std::string& parameters) {
  long long last = 0;
  soci::indicator ind = soci::i_null;
  session_ << "SELECT MAX(id) FROM analytics_runs", soci::into(last, ind);
  const long long id = (ind == soci::i_ok ? last : 0) + 1;
  const long long at = started_at;
  session_ << "INSERT INTO analytics_runs (id, started_at, status, as_of_day, parameters, summary) "
              "VALUES (:i, :s, 'running', :d, :p, '{}')",
      soci::use(id), soci::use(at), soci::use(as_of_day), soci::use(parameters);
  return id;
}

namespace {

constexpr const char* kInsertScore =
    "INSERT INTO analytics_customer_scores (run_id, customer_id, recency_days, frequency, monetary_minor, r_score, "
    "f_score, m_score, segment, p_alive, expected_purchases, expected_avg_spend, clv, top_category, top_brand, "
    "categories, brands) VALUES (:run, :c, :rd, :fr, :mo, :r, :f, :m, :s, :pa, :ep, :es, :clv, :tc, :tb, :cs, :bs)";

void bind_optional(sqlite_direct::Statement& st, int position, const std::vector<double>& column, std::size_t i) {
  if (column.empty()) {
    st.bind_null(position);
  } else {
    st.bind(position, column[i]);
  }
}

// SQLite: one prepared statement stepped per row, values bound in place.
void write_scores_direct(soci::session& session, long long run_id, const CustomerScoreColumns& s) {
  sqlite_direct::Statement st(session, kInsertScore);
  for (std::size_t i = 0; i < s.size(); ++i) {
    st.bind(1, run_id).bind(2, s.customer_id[i]).bind(3, s.recency_days[i]).bind(4, s.frequency[i]);
    st.bind(5, s.monetary_minor[i]).bind(6, static_cast<long long>(s.r_score[i]));
    st.bind(7, static_cast<long long>(s.f_score[i])).bind(8, static_cast<long long>(s.m_score[i]));
    st.bind(9, s.segment[i]);
    bind_optional(st, 10, s.p_alive, i);
    bind_optional(st, 11, s.expected_purchases, i);
    bind_optional(st, 12, s.expected_avg_spend, i);
    bind_optional(st, 13, s.clv, i);
    st.bind(14, s.top_category[i]).bind(15, s.top_brand[i]).bind(16, s.categories[i]).bind(17, s.brands[i]);
    st.execute();
  }
}

void write_scores_soci(soci::session& session, long long run_id, const CustomerScoreColumns& s) {
  for (std::size_t begin = 0; begin < s.size(); begin += kAnalyticsWriteChunk) {
    const std::size_t end = std::min(s.size(), begin + kAnalyticsWriteChunk);
    std::vector<long long> run(end - begin, run_id);
    auto ids = slice(s.customer_id, begin, end);
    auto recency = slice(s.recency_days, begin, end), frequency = slice(s.frequency, begin, end),
         monetary = slice(s.monetary_minor, begin, end);
    auto r = slice(s.r_score, begin, end), f = slice(s.f_score, begin, end), m = slice(s.m_score, begin, end);
    auto segment = slice(s.segment, begin, end);
    auto top_category = slice(s.top_category, begin, end), top_brand = slice(s.top_brand, begin, end),
         categories = slice(s.categories, begin, end), brands = slice(s.brands, begin, end);
    NullableColumn p_alive(s.p_alive, begin, end), expected(s.expected_purchases, begin, end),
        spend(s.expected_avg_spend, begin, end), clv(s.clv, begin, end);
    session << kInsertScore, soci::use(run), soci::use(ids), soci::use(recency), soci::use(frequency),
        soci::use(monetary), soci::use(r), soci::use(f), soci::use(m), soci::use(segment),
        soci::use(p_alive.values, p_alive.indicators), soci::use(expected.values, expected.indicators),
        soci::use(spend.values, spend.indicators), soci::use(clv.values, clv.indicators), soci::use(top_category),
        soci::use(top_brand), soci::use(categories), soci::use(brands);
  }
}

}  // namespace

void AnalyticsRepository::write_scores(long long run_id, const CustomerScoreColumns& s) {
  assert(s.segment.size() == s.size() && s.r_score.size() == s.size() && s.brands.size() == s.size());
  if (sqlite_direct::available(session_)) {
    write_scores_direct(session_, run_id, s);
  } else {
    write_scores_soci(session_, run_id, s);
  }
}

void AnalyticsRepository::write_rules(long long run_id, const std::vector<RuleRecord>& rules) {
  if (rules.empty()) return;
  std::vector<long long> run(rules.size(), run_id), rank(rules.size());
  std::vector<std::string> antecedent, consequent;
  std::vector<double> support, confidence, lift;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    rank[i] = static_cast<long long>(i + 1);
    antecedent.push_back(rules[i].antecedent);
    consequent.push_back(rules[i].consequent);
    support.push_back(rules[i].support);
    confidence.push_back(rules[i].confidence);
    lift.push_back(rules[i].lift);
  }
  session_ << "INSERT INTO analytics_rules (run_id, rank_no, antecedent, consequent, support, confidence, lift) "
              "VALUES (:r, :n, :a, :c, :s, :cf, :l)",
      soci::use(run), soci::use(rank), soci::use(antecedent), soci::use(consequent), soci::use(support),
      soci::use(confidence), soci::use(lift);
}

void AnalyticsRepository::write_cohorts(long long run_id, const std::vector<CohortCellRecord>& cells) {
  if (cells.empty()) return;
  std::vector<long long> run(cells.size(), run_id), after, customers, active;
  std::vector<std::string> month;
  for (const auto& cell : cells) {
    month.push_back(cell.first_month);
    after.push_back(cell.months_after);
    customers.push_back(cell.customers);
    active.push_back(cell.active);
  }
  session_ << "INSERT INTO analytics_cohorts (run_id, first_month, months_after, customers, active) "
              "VALUES (:r, :m, :k, :c, :a)",
      soci::use(run), soci::use(month), soci::use(after), soci::use(customers), soci::use(active);
}

void AnalyticsRepository::finish_run(long long run_id, std::int64_t finished_at, const std::string& summary,
                                     long long customers, long long purchases) {
  const long long at = finished_at;
  session_ << "UPDATE analytics_runs SET status = 'finished', finished_at = :f, summary = :s, customers = :c, "
              "purchases = :p WHERE id = :i",
      soci::use(at), soci::use(summary), soci::use(customers), soci::use(purchases), soci::use(run_id);
}

void AnalyticsRepository::mark_failed(long long run_id, std::int64_t finished_at, const std::string& reason) {
  const long long at = finished_at;
  session_ << "UPDATE analytics_runs SET status = 'failed', finished_at = :f, summary = :s WHERE id = :i",
      soci::use(at), soci::use(reason), soci::use(run_id);
}

void AnalyticsRepository::prune_old_runs(long long latest_run_id) {
  const long long keep_from = latest_run_id - kKeptAnalyticsRuns + 1;
  for (const char* table : {"analytics_customer_scores", "analytics_rules", "analytics_cohorts"}) {
    session_ << "DELETE FROM " << table << " WHERE run_id < :k", soci::use(keep_from);
  }
}

std::optional<AnalyticsRunRecord> AnalyticsRepository::latest_run() {
  AnalyticsRunRecord run;
  session_ << "SELECT id, started_at, finished_at, status, as_of_day, parameters, summary, customers, purchases "
              "FROM analytics_runs WHERE status = 'finished' ORDER BY id DESC LIMIT 1",
      soci::into(run.id), soci::into(run.started_at), soci::into(run.finished_at), soci::into(run.status),
      soci::into(run.as_of_day), soci::into(run.parameters), soci::into(run.summary), soci::into(run.customers),
      soci::into(run.purchases);
  if (!session_.got_data()) return std::nullopt;
  return run;
}

namespace {

constexpr const char* score_columns =
    "SELECT customer_id, recency_days, frequency, monetary_minor, r_score, f_score, m_score, segment, p_alive, "
    "expected_purchases, expected_avg_spend, clv, top_category, top_brand, categories, brands "
    "FROM analytics_customer_scores ";

struct ScoreRow {
  CustomerScoreRecord s;
  double p_alive = 0, expected = 0, spend = 0, clv = 0;
  soci::indicator p_ind = soci::i_null, e_ind = soci::i_null, s_ind = soci::i_null, c_ind = soci::i_null;

  void bind(soci::statement& st) {
    into_columns(st, s.customer_id, s.recency_days, s.frequency, s.monetary_minor, s.r_score, s.f_score, s.m_score,
                 s.segment, with_indicator(p_alive, p_ind), with_indicator(expected, e_ind),
                 with_indicator(spend, s_ind), with_indicator(clv, c_ind), s.top_category, s.top_brand, s.categories,
                 s.brands);
  }
  CustomerScoreRecord finish() const {
    CustomerScoreRecord out = s;
    out.p_alive = nullable(p_alive, p_ind);
    out.expected_purchases = nullable(expected, e_ind);
    out.expected_avg_spend = nullable(spend, s_ind);
    out.clv = nullable(clv, c_ind);
    return out;
  }
};

}  // namespace

std::optional<CustomerScoreRecord> AnalyticsRepository::score_of(long long run_id, const std::string& customer_id) {
  ScoreRow row;
  soci::statement st = prepare_with(
      session_, row, std::string(score_columns) + "WHERE run_id = :r AND customer_id = :c", run_id, customer_id);
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return row.finish();
}

Page<CustomerScoreRecord> AnalyticsRepository::scores(long long run_id, const std::string& segment, bool by_clv,
                                                      int limit, long long offset) {
  ScoreRow row;
  const long long fetch = limit + 1;
  // A run has CLV for all its customers or for none (no spend to fit), so
  // where NULLs sort does not matter here.
  Page<CustomerScoreRecord> page =
      select_page(session_, row,
                  std::string(score_columns) + "WHERE run_id = :r AND (:s1 = '' OR segment = :s2) ORDER BY " +
                      (by_clv ? "clv DESC" : "monetary_minor DESC") + ", customer_id LIMIT :n OFFSET :o",
                  run_id, segment, segment, fetch, offset);
  cut_to_limit(page, limit, [&](const auto&) { return std::to_string(offset + limit); });
  return page;
}

std::vector<RuleRecord> AnalyticsRepository::rules(long long run_id, int limit) {
  // Lift is a ratio of probabilities, never negative: every rule is above -1.
  return rules_with_lift_above(run_id, -1.0, limit);
}

std::vector<RuleRecord> AnalyticsRepository::rules_with_lift_above(long long run_id, double lift, int limit) {
  RuleRecord row;
  const long long fetch = limit;
  return fetch_all(
      (session_.prepare << "SELECT antecedent, consequent, support, confidence, lift FROM "
                           "analytics_rules WHERE run_id = :r AND lift > :l ORDER BY rank_no LIMIT :n",
       soci::use(run_id), soci::use(lift), soci::use(fetch), soci::into(row.antecedent), soci::into(row.consequent),
       soci::into(row.support), soci::into(row.confidence), soci::into(row.lift)),
      row);
}

std::vector<CohortCellRecord> AnalyticsRepository::cohorts(long long run_id) {
  CohortCellRecord row;
  return fetch_all((session_.prepare << "SELECT first_month, months_after, customers, active FROM "
                                        "analytics_cohorts WHERE run_id = :r ORDER BY first_month, months_after",
                    soci::use(run_id), soci::into(row.first_month), soci::into(row.months_after),
                    soci::into(row.customers), soci::into(row.active)),
                   row);
}

}  // namespace patron::sql
