#include "services/offers.h"

#include <algorithm>

#include "offers/redemption.h"
#include "offers/targeting.h"
#include "services/offer_signals.h"
#include "services/secrets.h"

namespace patron::services {
namespace {

Error campaign_not_found() { return Error::not_found("campaign not found"); }

constexpr int max_voucher_code_attempts = 8;

struct Pick {
  std::string customer_id;
  offers::Candidate candidate;
};

// The best candidates within the budgets, best first: a budget counts each
// offer at the most it can cost, so redemptions can never exceed it; a money
// budget counts points at what the program pays for one.
std::vector<Pick> within_budget(std::vector<Pick> picks, const offers::Campaign& campaign,
                                const offers::Economics& economics) {
  std::stable_sort(picks.begin(), picks.end(),
                   [](const Pick& a, const Pick& b) { return a.candidate.score > b.candidate.score; });
  if (!campaign.budget_points && !campaign.budget_minor) return picks;
  std::vector<Pick> kept;
  Points points = 0;
  double money = 0;
  for (auto& pick : picks) {
    const double cost_minor = static_cast<double>(pick.candidate.cost_points) * economics.point_value_minor;
    if (campaign.budget_points && points + pick.candidate.cost_points > *campaign.budget_points) continue;
    if (campaign.budget_minor && money + cost_minor > static_cast<double>(*campaign.budget_minor)) continue;
    points += pick.candidate.cost_points;
    money += cost_minor;
    kept.push_back(std::move(pick));
  }
  return kept;
}

// A free reward's template names a reward that exists; its name goes with it.
Status resolve_reward(Session session, offers::Campaign& campaign) {
  if (campaign.offer.kind != offers::OfferKind::free_reward) return ok_status();
  auto reward = session.stores().catalog().reward(campaign.offer.reward_id);
  if (!reward) return Error::validation("offer.reward_id", "no such reward");
  campaign.offer.reward_name = reward->name;
  return ok_status();
}

}  // namespace

Result<offers::Campaign> Offers::create_campaign(offers::Campaign campaign, std::int64_t now) {
  campaign.id = new_id("cmp");
  campaign.status = offers::CampaignStatus::draft;
  campaign.created_at = now;
  if (auto valid = offers::validate(campaign); !valid.ok()) return valid.error();
  if (auto reward = resolve_reward(session_, campaign); !reward.ok()) return reward.error();
  session_.stores().offers().insert_campaign(campaign);
  return campaign;
}

Result<offers::Campaign> Offers::change_campaign(const offers::Campaign& changed) {
  auto& repository = session_.stores().offers();
  auto stored = repository.find_campaign(changed.id);
  if (!stored) return campaign_not_found();
  if (!offers::can_move(stored->status, changed.status)) {
    return Error{ErrorCode::conflict,
                 std::string("a ") + offers::to_string(stored->status) + " campaign cannot become " +
                     offers::to_string(changed.status),
                 "status"};
  }
  if (stored->status == offers::CampaignStatus::live || stored->status == offers::CampaignStatus::ended) {
    if (auto field = offers::forbidden_live_change(*stored, changed)) {
      return Error{ErrorCode::conflict, "a live campaign's " + *field + " cannot change: it would bias its measurement",
                   *field};
    }
  }
  if (auto valid = offers::validate(changed); !valid.ok()) return valid.error();
  auto resolved = changed;
  if (auto reward = resolve_reward(session_, resolved); !reward.ok()) return reward.error();
  repository.update_campaign(resolved);
  return resolved;
}

Result<offers::Campaign> Offers::campaign(const std::string& id) {
  auto found = session_.stores().offers().find_campaign(id);
  if (!found) return campaign_not_found();
  return std::move(*found);
}

Page<offers::Campaign> Offers::campaigns(int limit, const std::string& after_id) {
  return session_.stores().offers().list_campaigns(limit, after_id);
}

Status Offers::archive_campaign(const std::string& id) {
  auto& repository = session_.stores().offers();
  if (!repository.find_campaign(id)) return campaign_not_found();
  repository.archive_campaign(id);
  return ok_status();
}

std::int64_t Offers::audience_size(const offers::Audience& audience, const FavoriteCategories& favorites,
                                   std::int64_t now) {
  OfferSignals signals(session_, settings_.base_currency, favorites);
  std::int64_t size = 0;
  visit_signals(audience, signals, now, [&](const offers::CustomerSignals& customer) {
    if (offers::in_audience(audience, customer)) ++size;
  });
  return size;
}

// Which categories a customer bought matters exactly only to an audience
// that filters on them; otherwise the analysis' summary row is enough.
bool needs_exact_history(const offers::Audience& audience) {
  return !audience.categories_bought.empty() || !audience.categories_not_bought.empty();
}

void Offers::visit_signals(const offers::Audience& audience, OfferSignals& signals, std::int64_t now,
                           const std::function<void(const offers::CustomerSignals&)>& visit) {
  auto& repository = session_.stores().offers();
  if (!signals.run_id() || needs_exact_history(audience)) {
    repository.visit_active_customers(max_customers_per_generation, [&](const std::string& id, const std::string& tier) {
      visit(signals.of(id, tier));
    });
    return;
  }
  repository.visit_scored_customers(signals.run_id(), max_customers_per_generation,
                                    [&](const offers::ScoredCustomer& row) { visit(signals.from_scores(row, now)); });
}

Result<GenerationReport> Offers::generate(const std::string& campaign_id, const FavoriteCategories& favorites,
                                          std::int64_t now) {
  auto& repository = session_.stores().offers();
  auto campaign = repository.find_campaign(campaign_id);
  if (!campaign) return campaign_not_found();
  if (campaign->status == offers::CampaignStatus::ended) {
    return Error{ErrorCode::conflict, "an ended campaign generates no offers", "status"};
  }
  OfferSignals signals(session_, settings_.base_currency, favorites);
  const offers::Economics economics;
  std::vector<Pick> picks;
  std::vector<std::pair<std::string, bool>> members;
  const auto known = repository.member_ids(campaign->id);
  const auto cap = static_cast<std::size_t>(campaign->per_customer_cap);
  visit_signals(campaign->audience, signals, now, [&](const offers::CustomerSignals& customer) {
    if (!offers::in_audience(campaign->audience, customer)) return;
    const bool control = offers::in_control_group(campaign->id, customer.customer_id, campaign->control_share_permille);
    if (!known.contains(customer.customer_id)) members.emplace_back(customer.customer_id, control);
    if (control) return;
    auto candidates =
        offers::candidates_for(*campaign, customer, signals.rules(), economics, now, signals.brand_categories());
    for (std::size_t i = 0; i < candidates.size() && i < cap; ++i) {
      picks.push_back({customer.customer_id, std::move(candidates[i])});
    }
  });
  repository.insert_members(campaign->id, members, now);
  const auto issued = repository.offer_keys(campaign->id);
  std::vector<sql::OfferRecord> offers;
  for (auto& pick : within_budget(std::move(picks), *campaign, economics)) {
    sql::OfferRecord offer;
    offer.campaign_id = campaign->id;
    offer.customer_id = pick.customer_id;
    offer.category = campaign->offer.category.empty() ? pick.candidate.category : campaign->offer.category;
    if (issued.contains(offer.customer_id + '\x1f' + offer.category)) continue;
    offer.id = new_id("ofr");
    offer.reasons = std::move(pick.candidate.reasons);
    offer.score = pick.candidate.score;
    // A budget counts each offer at its estimated most, so the till holds it
    // there; without a budget the program's own bound is the only cap.
    offer.max_bonus_points = campaign->budget_points || campaign->budget_minor
                                 ? pick.candidate.cost_points
                                 : settings_.limits.max_points_per_transaction;
    offer.created_at = now;
    offers.push_back(std::move(offer));
  }
  repository.insert_offers(offers);
  GenerationReport report{repository.count_offers(campaign->id), repository.count_members(campaign->id, true),
                          repository.count_members(campaign->id, false)};
  repository.set_generation_counts(campaign->id, report.offers_created, report.control_group_size);
  return report;
}

std::vector<offers::CampaignOffer> Offers::customer_offers(const std::string& customer_id, int limit) {
  return session_.stores().offers().offers_for_customer(customer_id, limit);
}

Result<offers::CampaignOffer> Offers::activate(const std::string& customer_id, const std::string& offer_id,
                                            std::int64_t now) {
  auto& repository = session_.stores().offers();
  auto found = repository.find_offer(offer_id);
  if (!found || found->offer.customer_id != customer_id) return Error::not_found("offer not found");
  if (found->offer.status == "redeemed") return Error{ErrorCode::conflict, "this offer has been used", {}};
  if (now >= found->campaign.ends_at || found->campaign.status == offers::CampaignStatus::ended) {
    return Error{ErrorCode::conflict, "this offer has ended", {}};
  }
  if (found->offer.status == "issued") repository.activate(offer_id, now);
  return *repository.find_offer(offer_id);
}

std::vector<offers::CampaignOffer> Offers::applicable(const std::string& customer_id, std::int64_t at) {
  return session_.stores().offers().applicable_offers(customer_id, at);
}

std::vector<AppliedOffer> Offers::bonuses_for(const std::vector<offers::CampaignOffer>& applicable,
                                              const std::vector<PricedLine>& lines,
                                              const std::function<Points(const std::vector<PricedLine>&)>& base_points) {
  std::vector<AppliedOffer> applied;
  for (const auto& [offer, campaign] : applicable) {
    const auto qualifying = offers::qualifying_lines(campaign.offer, offer.category, lines);
    if (qualifying.empty()) continue;
    const auto bonus = offers::offer_bonus(campaign.offer, purchase_total_minor(qualifying), base_points(qualifying),
                                           offer.max_bonus_points);
    if (bonus > 0) applied.push_back({offer.id, offers::offer_title(campaign.offer, offer.category), bonus, 0, {}});
  }
  return applied;
}

std::vector<AppliedOffer> Offers::discounts_for(const std::vector<offers::CampaignOffer>& applicable,
                                                std::vector<PricedLine>& lines) {
  std::vector<AppliedOffer> applied;
  for (const auto& [offer, campaign] : applicable) {
    if (campaign.offer.kind != offers::OfferKind::percent_off) continue;
    const auto spend = purchase_total_minor(offers::qualifying_lines(campaign.offer, offer.category, lines));
    if (spend <= 0 || spend < campaign.offer.min_spend_minor) continue;
    MinorUnits discount = 0;
    for (auto& line : lines) {
      if (!offers::line_qualifies(campaign.offer, offer.category, line)) continue;
      const auto price = offers::discounted_unit_price(line.unit_price_minor, campaign.offer.percent);
      discount += (line.unit_price_minor - price) * line.quantity;  // at most the bounded line total
      line.unit_price_minor = price;
    }
    if (discount > 0) applied.push_back({offer.id, offers::offer_title(campaign.offer, offer.category), 0, discount, {}});
  }
  return applied;
}

std::vector<AppliedOffer> Offers::rewards_for(const std::vector<offers::CampaignOffer>& applicable,
                                              const std::string& customer_id, const std::vector<PricedLine>& lines,
                                              std::int64_t now) {
  std::vector<AppliedOffer> applied;
  auto& catalog = session_.stores().catalog();
  auto& ledger = session_.stores().ledger();
  for (const auto& [offer, campaign] : applicable) {
    if (campaign.offer.kind != offers::OfferKind::free_reward) continue;
    // A reward is about the visit: only the template's own category or SKU narrows what counts.
    const auto spend = purchase_total_minor(offers::qualifying_lines(campaign.offer, campaign.offer.category, lines));
    if (spend <= 0 || spend < campaign.offer.min_spend_minor) continue;
    if (!catalog.decrement_stock(campaign.offer.reward_id)) continue;
    const auto reward = catalog.reward(campaign.offer.reward_id);
    const auto expires_at = reward ? voucher_expires_at(*reward, now) : now + default_voucher_valid_days * seconds_per_day;
    RedemptionRecord voucher{new_id("red"), customer_id, campaign.offer.reward_id, campaign.offer.reward_name, 0,
                                  {}, {}, now, expires_at};
    for (int attempt = 0; attempt < max_voucher_code_attempts && (voucher.code.empty() || ledger.redemption_code_taken(voucher.code));
         ++attempt) {
      voucher.code = voucher_code();
    }
    ledger.insert_redemption(voucher);
    applied.push_back({offer.id, offers::offer_title(campaign.offer, offer.category), 0, 0, voucher.code});
  }
  return applied;
}

void Offers::mark_redeemed(const std::vector<AppliedOffer>& applied, const std::string& transaction_id,
                           std::int64_t now) {
  auto& repository = session_.stores().offers();
  for (const auto& offer : applied) repository.redeem(offer.offer_id, transaction_id, offer.points, now);
}

Result<CampaignReport> Offers::report(const std::string& campaign_id, std::int64_t now) {
  auto& repository = session_.stores().offers();
  auto campaign = repository.find_campaign(campaign_id);
  if (!campaign) return campaign_not_found();
  CampaignReport report;
  report.campaign = *campaign;
  report.window_from = campaign->starts_at;
  report.window_to = std::min(campaign->ends_at, std::max(now, campaign->starts_at));
  repository.member_outcomes(campaign->id, report.window_from, report.window_to, [&](const sql::MemberOutcome& m) {
    auto& arm = m.control ? report.control : report.treatment;
    arm.customers += 1;
    arm.purchases += m.purchases;
    arm.purchasers += m.purchases > 0 ? 1 : 0;
    arm.revenue_minor += m.revenue_minor;
    arm.revenue_per_customer.add(static_cast<double>(m.revenue_minor));
  });
  std::tie(report.treatment.redemptions, report.cost_points) = repository.redemptions(campaign->id);
  report.revenue_per_customer_ci = offers::welch_interval(report.treatment.revenue_per_customer,
                                                          report.control.revenue_per_customer);
  report.purchase_rate_ci = offers::newcombe_interval(report.treatment.purchasers, report.treatment.customers,
                                                      report.control.purchasers, report.control.customers);
  return report;
}

}  // namespace patron::services
