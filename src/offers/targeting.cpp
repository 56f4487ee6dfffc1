#include "offers/targeting.h"

#include <algorithm>
#include <cmath>

namespace patron::offers {
namespace {

constexpr std::int64_t day_seconds = 86'400;

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

const CategoryHistory* history_of(const CustomerSignals& c, const std::string& category) {
  for (const auto& h : c.categories) {
    if (h.category == category) return &h;
  }
  return nullptr;
}

bool any_of_in(const std::vector<std::string>& wanted, const CustomerSignals& c) {
  return std::any_of(wanted.begin(), wanted.end(), [&](const auto& w) { return history_of(c, w) != nullptr; });
}

// A category the customer could be offered, with the signals behind it.
struct Signal {
  std::string category;
  std::vector<std::string> reasons;
  double propensity = 0;  // how likely the offer moves this customer in this category
};

void add_reason(Signal& s, std::string reason, double propensity) {
  if (s.reasons.size() < max_reasons && !contains(s.reasons, reason)) s.reasons.push_back(std::move(reason));
  s.propensity += propensity;
}

Signal& signal_for(std::vector<Signal>& signals, const std::string& category) {
  for (auto& s : signals) {
    if (s.category == category) return s;
  }
  signals.push_back({category, {}, 0});
  return signals.back();
}

void collect_signals(std::vector<Signal>& out, const CustomerSignals& c, const std::vector<RuleSignal>& rules,
                     std::int64_t now, const BrandCategories& brands) {
  for (const auto& h : c.categories) {
    auto& s = signal_for(out, h.category);
    if (h.purchases >= 2) add_reason(s, "You often buy " + display_category(h.category), 0.30);
    else add_reason(s, "You bought " + display_category(h.category) + " before", 0.15);
    if (h.last_at > 0 && now - h.last_at >= lapsed_after_seconds && now - c.last_purchase_at >= lapsed_after_seconds) {
      add_reason(s, "We miss you: your last visit was " + std::to_string((now - c.last_purchase_at) / day_seconds) +
                        " days ago", 0.10);
    }
  }
  for (std::size_t b = 0; b < c.top_brands.size() && b < max_brands_considered; ++b) {
    for (const auto& [brand, category] : brands) {
      if (brand == c.top_brands[b] && !brand.empty()) add_reason(signal_for(out, category), "You like " + brand, 0.15);
    }
  }
  for (const auto& favourite : c.favorite_categories) {
    add_reason(signal_for(out, favourite), display_category(favourite) + " is one of your favourites", 0.25);
  }
  for (const auto& rule : rules) {
    if (rule.lift <= 1.0 || rule.consequent_category.empty()) continue;
    const bool bought = c.skus_known ? contains(c.bought_skus, rule.antecedent_sku)
                                     : history_of(c, rule.antecedent_category) != nullptr;
    if (!bought) continue;
    const auto& what = c.skus_known ? rule.antecedent_name : display_category(rule.antecedent_category);
    add_reason(signal_for(out, rule.consequent_category), "Customers who buy " + what + " also buy " + rule.consequent_name,
               std::min(0.05 * rule.lift, 0.30));
  }
}

// How well a category's signals serve the campaign's goal.
double goal_fit(Goal goal, const Signal& s, const CustomerSignals& c) {
  const auto* history = history_of(c, s.category);
  switch (goal) {
    case Goal::winback: return c.last_purchase_at > 0 ? 1.5 : 0.5;
    case Goal::cross_sell: return history ? 0.5 : 1.5;  // new categories first
    case Goal::grow_basket: return history ? 1.5 : 0.8;
    case Goal::reward_best: return history ? 1.2 : 1.0;
  }
  return 1.0;
}

std::string goal_reason(Goal goal, const CustomerSignals& c, std::int64_t now) {
  switch (goal) {
    case Goal::winback:
      if (c.last_purchase_at > 0) {
        return "We miss you: your last visit was " + std::to_string((now - c.last_purchase_at) / day_seconds) +
               " days ago";
      }
      return "Welcome: here is something for your first visit";
    case Goal::reward_best: return "A thank-you for being one of our best customers";
    case Goal::cross_sell: return "Something new we think you'll like";
    case Goal::grow_basket: return "Picked for you for your next visit";
  }
  return "Picked for you";
}

Points cost_points(const OfferTemplate& offer, double spend_minor, const Economics& e) {
  switch (offer.kind) {
    case OfferKind::bonus_points: return offer.points;
    case OfferKind::bonus_multiplier:
      // Capped at the till to this estimate, so budgets hold whatever is bought.
      return std::max<Points>(1, static_cast<Points>(std::ceil(spend_minor * e.points_per_minor *
                                                               (offer.multiplier_permille - 1000) / 1000.0)));
    case OfferKind::percent_off:
      return std::max<Points>(1, static_cast<Points>(std::ceil(spend_minor * offer.percent / 100.0 /
                                                               e.point_value_minor)));
    case OfferKind::free_reward: return 0;  // the reward's own cost, added by the caller
  }
  return 0;
}

}  // namespace

std::string display_category(const std::string& category) {
  std::string text = category;
  std::replace(text.begin(), text.end(), '-', ' ');
  std::replace(text.begin(), text.end(), '_', ' ');
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

bool in_audience(const Audience& a, const CustomerSignals& c) {
  if (!a.segments.empty() && !contains(a.segments, c.segment)) return false;
  if (!a.tiers.empty() && !contains(a.tiers, c.tier)) return false;
  if (!a.p_alive.contains(c.p_alive) || !a.clv_minor.contains(c.clv_minor)) return false;
  if (!a.categories_bought.empty() && !any_of_in(a.categories_bought, c)) return false;
  if (any_of_in(a.categories_not_bought, c)) return false;
  if (!a.favorite_categories.empty() &&
      std::none_of(a.favorite_categories.begin(), a.favorite_categories.end(),
                   [&](const auto& f) { return contains(c.favorite_categories, f); })) {
    return false;
  }
  return true;
}

bool in_control_group(const std::string& campaign_id, const std::string& customer_id,
                      std::int64_t control_permille) {
  std::uint64_t hash = 14695981039346656037ULL;
  const auto mix = [&](const std::string& text) {
    for (unsigned char byte : text) {
      hash ^= byte;
      hash *= 1099511628211ULL;
    }
  };
  mix(campaign_id);
  mix(":");
  mix(customer_id);
  return static_cast<std::int64_t>(hash % 1000) < control_permille;
}

std::vector<Candidate> candidates_for(const Campaign& campaign, const CustomerSignals& customer,
                                      const std::vector<RuleSignal>& rules, const Economics& economics,
                                      std::int64_t now, const BrandCategories& brands) {
  std::vector<Signal> signals;
  collect_signals(signals, customer, rules, now, brands);
  const auto& offer = campaign.offer;
  if (!offer.category.empty()) {
    // The template names the category: only its own signals speak for it.
    std::erase_if(signals, [&](const Signal& s) { return s.category != offer.category; });
    if (signals.empty()) signals.push_back({offer.category, {}, 0.05});
  }
  const double p_alive = customer.p_alive.value_or(0.5);
  const double spend = customer.expected_spend_minor.value_or(economics.default_spend_minor);
  const double history_boost =
      customer.past_offers > 0 ? 1.0 + static_cast<double>(customer.past_redeemed) / customer.past_offers : 1.0;
  std::vector<Candidate> out;
  for (auto& s : signals) {
    if (s.reasons.empty()) s.reasons.push_back(goal_reason(campaign.goal, customer, now));
    Candidate c{s.category, s.reasons, 0, cost_points(offer, spend, economics)};
    const double propensity = std::min(1.0, s.propensity * goal_fit(campaign.goal, s, customer) * history_boost);
    const double gain = p_alive * spend * economics.offer_response_rate * propensity;
    c.score = gain - propensity * static_cast<double>(c.cost_points) * economics.point_value_minor;
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.category < b.category;
  });
  if (out.size() > max_candidates_per_customer) out.resize(max_candidates_per_customer);
  return out;
}

}  // namespace patron::offers
