// OffersRepository, part two: the campaigns themselves (part one,
// offers_repository.cpp, holds the audience reads and the offers).
#include "storage/sql/campaign_rows.h"
#include "storage/sql/offers_repository.h"
#include "storage/sql/queries.h"

namespace patron::sql {

using detail::campaign_columns;
using detail::CampaignRow;
using detail::CampaignValues;

void OffersRepository::insert_campaign(const offers::Campaign& c) {
  CampaignValues v(c);
  prepare_with(session_, v, CampaignValues::insert_sql(), c.id, v.created).execute(true);
}

void OffersRepository::update_campaign(const offers::Campaign& c) {
  CampaignValues v(c);
  prepare_with(session_, v, CampaignValues::update_sql(), c.id).execute(true);
}

std::optional<offers::Campaign> OffersRepository::find_campaign(const std::string& id) {
  CampaignRow row;
  soci::statement st = prepare_with(
      session_, row,
      std::string("SELECT ") + campaign_columns + " FROM campaigns c WHERE c.id = :id AND c.archived = 0", id);
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return row.finish();
}

Page<offers::Campaign> OffersRepository::list_campaigns(int limit, const std::string& after_id) {
  CampaignRow row;
  const long long fetch = limit + 1;
  Page<offers::Campaign> page =
      select_page(session_, row,
                  std::string("SELECT ") + campaign_columns +
                      " FROM campaigns c WHERE c.archived = 0 AND c.id > :a ORDER BY c.id LIMIT :n",
                  after_id, fetch);
  cut_to_limit(page, limit);
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
