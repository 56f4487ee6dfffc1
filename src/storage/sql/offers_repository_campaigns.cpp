// OffersRepository, part two: the campaigns themselves (part one,
// offers_repository.cpp, holds the audience reads and the offers).
#include "storage/sql/campaign_rows.h"
#include "storage/sql/offers_repository.h"

namespace patron::sql {

using detail::campaign_columns;
using detail::CampaignRow;
using detail::CampaignValues;

void OffersRepository::insert_campaign(const offers::Campaign& c) {
  CampaignValues v(c);
  session_ << "INSERT INTO campaigns (id, name, goal, status, audience, offer, starts_at, ends_at, budget_points, "
              "budget_minor, per_customer_cap, control_share_permille, created_at) VALUES (:id, :n, :g, :s, :a, :o, "
              ":st, :en, :b, :m, :cap, :ctl, :cr)",
      soci::use(c.id), soci::use(c.name), soci::use(v.goal), soci::use(v.status), soci::use(v.audience),
      soci::use(v.offer), soci::use(v.starts), soci::use(v.ends), soci::use(v.budget, v.budget_ind),
      soci::use(v.money, v.money_ind), soci::use(v.cap), soci::use(v.control), soci::use(v.created);
}

void OffersRepository::update_campaign(const offers::Campaign& c) {
  CampaignValues v(c);
  session_ << "UPDATE campaigns SET name = :n, goal = :g, status = :s, audience = :a, offer = :o, starts_at = :st, "
              "ends_at = :en, budget_points = :b, budget_minor = :m, per_customer_cap = :cap, control_share_permille = "
              ":ctl WHERE id = :id",
      soci::use(c.name), soci::use(v.goal), soci::use(v.status), soci::use(v.audience), soci::use(v.offer),
      soci::use(v.starts), soci::use(v.ends), soci::use(v.budget, v.budget_ind), soci::use(v.money, v.money_ind),
      soci::use(v.cap), soci::use(v.control), soci::use(c.id);
}

std::optional<offers::Campaign> OffersRepository::find_campaign(const std::string& id) {
  CampaignRow row;
  soci::statement st(session_);
  row.bind(st);
  std::string key = id;
  st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string("SELECT ") + campaign_columns + " FROM campaigns c WHERE c.id = :id AND c.archived = 0");
  st.define_and_bind();
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return row.finish();
}

Page<offers::Campaign> OffersRepository::list_campaigns(int limit, const std::string& after_id) {
  CampaignRow row;
  soci::statement st(session_);
  row.bind(st);
  std::string after = after_id;
  long long fetch = limit + 1;
  st.exchange(soci::use(after));
  st.exchange(soci::use(fetch));
  st.alloc();
  st.prepare(std::string("SELECT ") + campaign_columns +
             " FROM campaigns c WHERE c.archived = 0 AND c.id > :a ORDER BY c.id LIMIT :n");
  st.define_and_bind();
  st.execute();
  Page<offers::Campaign> page;
  while (st.fetch()) page.items.push_back(row.finish());
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

void OffersRepository::archive_campaign(const std::string& id) {
  session_ << "UPDATE campaigns SET archived = 1 WHERE id = :id", soci::use(id);
}

void OffersRepository::set_generation_counts(const std::string& id, std::int64_t offers_created,
                                             std::int64_t control_group_size) {
  const long long created = offers_created, control = control_group_size;
  session_ << "UPDATE campaigns SET offers_created = :o, control_group_size = :c WHERE id = :id", soci::use(created),
      soci::use(control), soci::use(id);
}

std::int64_t OffersRepository::count_members(const std::string& campaign_id, bool control) {
  long long n = 0;
  const std::string arm = control ? "control" : "treatment";
  session_ << "SELECT COUNT(*) FROM campaign_members WHERE campaign_id = :c AND arm = :a", soci::use(campaign_id),
      soci::use(arm), soci::into(n);
  return n;
}

std::int64_t OffersRepository::count_offers(const std::string& campaign_id) {
  long long n = 0;
  session_ << "SELECT COUNT(*) FROM offers WHERE campaign_id = :c", soci::use(campaign_id), soci::into(n);
  return n;
}

}  // namespace patron::sql
