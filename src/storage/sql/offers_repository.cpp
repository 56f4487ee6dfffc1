#include "storage/sql/offers_repository.h"

#include <nlohmann/json.hpp>

#include "storage/sql/campaign_rows.h"
#include "storage/sql/changed_accounts.h"
#include "storage/sql/queries.h"
#include "storage/sql/statement_cache.h"

namespace patron::sql {
namespace {

using detail::campaign_columns;
using detail::CampaignRow;
using Json = nlohmann::json;

// The offer columns in the order OfferRow binds them.
constexpr const char* offer_columns =
    "o.id, o.campaign_id, o.customer_id, o.category, o.reasons, o.score, o.max_bonus_points, o.status, "
    "o.activated_at, o.redeemed_at, o.transaction_id, o.bonus_points, o.created_at";

struct OfferRow {
  OfferRecord o;
  std::string reasons;
  long long max_bonus = 0, activated = 0, redeemed = 0, bonus = 0, created = 0;
  soci::indicator activated_ind = soci::i_ok, redeemed_ind = soci::i_ok, txn_ind = soci::i_ok;

  void bind(soci::statement& st) {
    into_columns(st, o.id, o.campaign_id, o.customer_id, o.category, reasons, o.score, max_bonus, o.status,
                 with_indicator(activated, activated_ind), with_indicator(redeemed, redeemed_ind),
                 with_indicator(o.transaction_id, txn_ind), bonus, created);
  }

  OfferRecord finish() const {
    OfferRecord out = o;
    out.reasons = Json::parse(reasons).get<std::vector<std::string>>();
    out.max_bonus_points = max_bonus;
    out.activated_at = activated_ind == soci::i_ok ? std::optional<std::int64_t>(activated) : std::nullopt;
    out.redeemed_at = redeemed_ind == soci::i_ok ? std::optional<std::int64_t>(redeemed) : std::nullopt;
    if (txn_ind != soci::i_ok) out.transaction_id.clear();
    out.bonus_points = bonus;
    out.created_at = created;
    return out;
  }
};

// Offers joined with their campaigns: `where` holds the conditions after the join.
std::vector<CampaignOffer> select_offers(soci::session& session, const std::string& where,
                                         const std::function<void(soci::statement&)>& bind_params) {
  OfferRow offer;
  CampaignRow campaign;
  soci::statement st(session);
  offer.bind(st);
  campaign.bind(st);
  bind_params(st);
  st.alloc();
  st.prepare(std::string("SELECT ") + offer_columns + ", " + campaign_columns +
             " FROM offers o JOIN campaigns c ON c.id = o.campaign_id " + where);
  st.define_and_bind();
  st.execute();
  std::vector<CampaignOffer> out;
  while (st.fetch()) out.push_back({offer.finish(), campaign.finish()});
  return out;
}

}  // namespace

void OffersRepository::visit_active_customers(
    std::int64_t limit, const std::function<void(const std::string& id, const std::string& tier)>& visit) {
  std::string id, tier;
  const long long n = limit;
  soci::statement st = (session_.prepare << "SELECT u.id, a.tier_code FROM users u JOIN accounts a ON a.customer_id = "
                                            "u.id WHERE u.role = 'customer' AND u.status = 'active' ORDER BY u.id "
                                            "LIMIT :n",
                        soci::use(n), soci::into(id), soci::into(tier));
  st.execute();
  while (st.fetch()) visit(id, tier);
}

std::vector<SkuHistory> OffersRepository::sku_history(const std::string& customer_id) {
  std::vector<SkuHistory> out;
  SkuHistory row;
  long long lines = 0, last = 0;
  const long long n = max_skus_per_customer;
  soci::indicator brand_ind = soci::i_ok;
  soci::statement st =
      (session_.prepare << "SELECT l.sku, l.category, p.brand, COUNT(*), MAX(t.occurred_at) FROM "
                           "transactions t JOIN transaction_lines l ON l.transaction_id = t.id LEFT JOIN "
                           "products p ON p.sku = l.sku WHERE t.customer_id = :c GROUP BY l.sku, "
                           "l.category, p.brand ORDER BY COUNT(*) DESC, l.sku LIMIT :n",
       soci::use(customer_id), soci::use(n), soci::into(row.sku), soci::into(row.category),
       soci::into(row.brand, brand_ind), soci::into(lines), soci::into(last));
  st.execute();
  while (st.fetch()) {
    if (brand_ind != soci::i_ok) row.brand.clear();
    row.lines = lines;
    row.last_at = last;
    out.push_back(row);
  }
  return out;
}

std::int64_t OffersRepository::count_live_campaigns() {
  long long n = 0;
  session_ << "SELECT COUNT(*) FROM campaigns WHERE status = 'live' AND archived = 0", soci::into(n);
  return n;
}

void OffersRepository::visit_scored_customers(std::optional<long long> run_id, std::int64_t limit,
                                              const std::function<void(const ScoredCustomer&)>& visit) {
  ScoredCustomer row;
  double p_alive = 0, spend = 0, clv = 0;
  long long recency = 0;
  const long long run = run_id.value_or(-1), n = limit;
  soci::indicator segment_ind = soci::i_ok, p_ind = soci::i_ok, spend_ind = soci::i_ok, clv_ind = soci::i_ok,
                  recency_ind = soci::i_ok, categories_ind = soci::i_ok, brands_ind = soci::i_ok;
  soci::statement st =
      (session_.prepare
           << "SELECT u.id, a.tier_code, s.segment, s.p_alive, s.expected_avg_spend, s.clv, s.recency_days, "
              "s.categories, s.brands FROM users u JOIN accounts a ON a.customer_id = u.id LEFT JOIN "
              "analytics_customer_scores s ON s.run_id = :r AND s.customer_id = u.id WHERE u.role = "
              "'customer' AND u.status = 'active' ORDER BY u.id LIMIT :n",
       soci::use(run), soci::use(n), soci::into(row.id), soci::into(row.tier), soci::into(row.segment, segment_ind),
       soci::into(p_alive, p_ind), soci::into(spend, spend_ind), soci::into(clv, clv_ind),
       soci::into(recency, recency_ind), soci::into(row.categories, categories_ind),
       soci::into(row.brands, brands_ind));
  st.execute();
  while (st.fetch()) {
    if (segment_ind != soci::i_ok) row.segment.clear();
    if (categories_ind != soci::i_ok) row.categories.clear();
    if (brands_ind != soci::i_ok) row.brands.clear();
    row.p_alive = p_ind == soci::i_ok ? std::optional<double>(p_alive) : std::nullopt;
    row.expected_avg_spend = spend_ind == soci::i_ok ? std::optional<double>(spend) : std::nullopt;
    row.clv = clv_ind == soci::i_ok ? std::optional<double>(clv) : std::nullopt;
    row.recency_days = recency_ind == soci::i_ok ? std::optional<std::int64_t>(recency) : std::nullopt;
    visit(row);
  }
}

std::vector<std::pair<std::string, std::string>> OffersRepository::brand_categories() {
  std::vector<std::pair<std::string, std::string>> out;
  std::string brand, category;
  const long long n = max_brand_categories;
  soci::statement st = (session_.prepare << "SELECT DISTINCT brand, category FROM products WHERE brand <> '' AND "
                                            "category <> '' ORDER BY brand, category LIMIT :n",
                        soci::use(n), soci::into(brand), soci::into(category));
  st.execute();
  while (st.fetch()) out.emplace_back(brand, category);
  return out;
}

std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> OffersRepository::offer_histories() {
  std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> out;
  std::string customer;
  long long offered = 0, redeemed = 0;
  soci::statement st = (session_.prepare << "SELECT customer_id, COUNT(*), SUM(CASE WHEN status = 'redeemed' THEN 1 "
                                            "ELSE 0 END) FROM offers GROUP BY customer_id",
                        soci::into(customer), soci::into(offered), soci::into(redeemed));
  st.execute();
  while (st.fetch()) out.emplace(customer, std::pair<std::int64_t, std::int64_t>{offered, redeemed});
  return out;
}

std::unordered_set<std::string> OffersRepository::member_ids(const std::string& campaign_id) {
  std::unordered_set<std::string> out;
  std::string customer;
  soci::statement st = (session_.prepare << "SELECT customer_id FROM campaign_members WHERE campaign_id = :c",
                        soci::use(campaign_id), soci::into(customer));
  st.execute();
  while (st.fetch()) out.insert(customer);
  return out;
}

std::unordered_set<std::string> OffersRepository::offer_keys(const std::string& campaign_id) {
  std::unordered_set<std::string> out;
  std::string customer, category;
  soci::statement st = (session_.prepare << "SELECT customer_id, category FROM offers WHERE campaign_id = :c",
                        soci::use(campaign_id), soci::into(customer), soci::into(category));
  st.execute();
  while (st.fetch()) out.insert(customer + '\x1f' + category);
  return out;
}

void OffersRepository::insert_members(const std::string& campaign_id,
                                      const std::vector<std::pair<std::string, bool>>& members, std::int64_t at) {
  if (members.empty()) return;
  std::string customer, arm;
  const long long when = at;
  soci::statement st = (session_.prepare << "INSERT INTO campaign_members (campaign_id, customer_id, arm, assigned_at) "
                                            "VALUES (:c, :u, :a, :t)",
                        soci::use(campaign_id), soci::use(customer), soci::use(arm), soci::use(when));
  for (const auto& [id, control] : members) {
    customer = id;
    arm = control ? "control" : "treatment";
    st.execute(true);
  }
}

void OffersRepository::insert_offers(const std::vector<OfferRecord>& offers) {
  if (offers.empty()) return;
  OfferRecord row;
  std::string reasons;
  long long max_bonus = 0, created = 0;
  soci::statement st =
      (session_.prepare << "INSERT INTO offers (id, campaign_id, customer_id, category, reasons, score, "
                           "max_bonus_points, status, created_at) VALUES (:id, :c, :u, :k, :r, :s, :m, "
                           ":st, :cr)",
       soci::use(row.id), soci::use(row.campaign_id), soci::use(row.customer_id), soci::use(row.category),
       soci::use(reasons), soci::use(row.score), soci::use(max_bonus), soci::use(row.status), soci::use(created));
  for (const auto& offer : offers) {
    row = offer;
    reasons = Json(offer.reasons).dump();
    max_bonus = offer.max_bonus_points;
    created = offer.created_at;
    note_account_changed(offer.customer_id);
    st.execute(true);
  }
}

std::optional<CampaignOffer> OffersRepository::find_offer(const std::string& id) {
  auto found = select_offers(session_, "WHERE o.id = :id", [&](soci::statement& st) { st.exchange(soci::use(id)); });
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<CampaignOffer> OffersRepository::offers_for_customer(const std::string& customer_id, int limit) {
  const long long n = std::min(limit, max_offers_listed);
  return select_offers(session_, "WHERE o.customer_id = :u AND c.archived = 0 ORDER BY c.ends_at, o.id LIMIT :n",
                       [&](soci::statement& st) {
                         st.exchange(soci::use(customer_id));
                         st.exchange(soci::use(n));
                       });
}

std::vector<CampaignOffer> OffersRepository::applicable_offers(const std::string& customer_id, std::int64_t at) {
  const long long when = at, when2 = at, n = max_applicable_offers;
  auto all = select_offers(session_,
                           "WHERE o.customer_id = :u AND o.status IN ('issued', 'activated') AND c.status = 'live' "
                           "AND c.archived = 0 AND c.starts_at <= :a AND c.ends_at > :b ORDER BY o.id LIMIT :n",
                           [&](soci::statement& st) { use_values(st, customer_id, when, when2, n); });
  std::erase_if(all,
                [](const CampaignOffer& o) { return o.offer.status != "activated" && !o.campaign.offer.auto_apply; });
  return all;
}

bool OffersRepository::activate(const std::string& offer_id, std::int64_t at) {
  return Write(session_,
               "UPDATE offers SET status = 'activated', activated_at = :t WHERE id = :id AND status = 'issued'")
             .integer(at)
             .text(offer_id)
             .run() > 0;
}

bool OffersRepository::redeem(const std::string& offer_id, const std::string& transaction_id, Points bonus,
                              std::int64_t at) {
  return Write(session_,
               "UPDATE offers SET status = 'redeemed', redeemed_at = :t, transaction_id = :x, bonus_points = :p "
               "WHERE id = :id AND status IN ('issued', 'activated')")
             .integer(at)
             .text(transaction_id)
             .integer(bonus)
             .text(offer_id)
             .run() > 0;
}

void OffersRepository::member_outcomes(const std::string& campaign_id, std::int64_t from, std::int64_t to,
                                       const std::function<void(const MemberOutcome&)>& visit) {
  MemberOutcome row;
  std::string arm;
  long long purchases = 0, revenue = 0;
  const long long since = from, until = to;
  soci::statement st = (session_.prepare << "SELECT m.customer_id, m.arm, COUNT(t.id), COALESCE(SUM(t.total_minor - "
                                            "t.returned_minor), 0) FROM campaign_members m LEFT JOIN transactions t ON "
                                            "t.customer_id = m.customer_id AND t.occurred_at >= :f AND t.occurred_at < "
                                            ":t WHERE m.campaign_id = :c GROUP BY m.customer_id, m.arm",
                        soci::use(since), soci::use(until), soci::use(campaign_id), soci::into(row.customer_id),
                        soci::into(arm), soci::into(purchases), soci::into(revenue));
  st.execute();
  while (st.fetch()) {
    row.control = arm == "control";
    row.purchases = purchases;
    row.revenue_minor = revenue;
    visit(row);
  }
}

std::pair<std::int64_t, Points> OffersRepository::redemptions(const std::string& campaign_id) {
  long long count = 0, bonus = 0;
  soci::indicator ind = soci::i_ok;
  session_ << "SELECT COUNT(*), SUM(bonus_points) FROM offers WHERE campaign_id = :c AND status = 'redeemed'",
      soci::use(campaign_id), soci::into(count), soci::into(bonus, ind);
  return {count, ind == soci::i_ok ? bonus : 0};
}

}  // namespace patron::sql
