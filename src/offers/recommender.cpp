#include "offers/recommender.h"

#include <algorithm>
#include <cassert>

namespace patron::offers {

// Per-call working state: every candidate is a key of `association`.
struct Recommender::Scratch {
  std::unordered_map<std::uint32_t, double> association;  // candidate -> sum of own(j) co(j,i)/(n_j+beta)
  std::unordered_map<std::uint32_t, double> own_share;
  std::unordered_map<std::uint32_t, double> category_share, brand_share;
  double kappa = 0.0;  // sum of own(j) beta/(n_j+beta): the base-rate part of the association
};

Recommender::Recommender(const PurchaseHistory& history, const TrainingHistory& training, RecommenderWeights weights)
    : history_(history), training_(training), weights_(weights) {
  std::uint64_t repeats = 0, later = 0;
  for (std::size_t c = 0; c < history.customer_count(); ++c) {
    repeats += training.repeat_item_baskets[c];
    later += training.later_item_baskets[c];
  }
  for (const auto baskets : training.item_baskets) total_item_baskets_ += baskets;
  shop_repeat_share_ = later == 0 ? 0.0 : static_cast<double>(repeats) / static_cast<double>(later);
  count_pairs();
  category_ = build_attribute(history.item_category, history.category_names.size(), weights.category);
  brand_ = build_attribute(history.item_brand, history.brand_names.size(), weights.brand);
  weight_total_ = weights.association + weights.popularity + category_.weight + brand_.weight;
  if (weight_total_ <= 0.0) weight_total_ = 1.0;
}

// Baskets before the cut-off as lists of distinct items, then every pair of
// a basket counted once; each item keeps its most frequent partners.
void Recommender::count_pairs() {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> basket_items;  // (basket, item)
  for (std::size_t r = 0; r < history_.lines(); ++r) {
    if (history_.instant[r] < training_.until_instant) basket_items.emplace_back(history_.basket[r], history_.item[r]);
  }
  std::sort(basket_items.begin(), basket_items.end());
  basket_items.erase(std::unique(basket_items.begin(), basket_items.end()), basket_items.end());
  std::unordered_map<std::uint64_t, std::uint32_t> together;
  for (std::size_t start = 0; start < basket_items.size();) {
    std::size_t end = start;
    while (end < basket_items.size() && basket_items[end].first == basket_items[start].first) ++end;
    if (end - start <= kMaxBasketItemsForPairs) {
      for (std::size_t a = start; a < end; ++a) {
        for (std::size_t b = a + 1; b < end; ++b) {
          ++together[(static_cast<std::uint64_t>(basket_items[a].second) << 32) | basket_items[b].second];
        }
      }
    }
    start = end;
  }
  std::vector<std::pair<std::uint32_t, Neighbour>> pairs;  // both directions
  pairs.reserve(2 * together.size());
  for (const auto& [key, count] : together) {
    const auto a = static_cast<std::uint32_t>(key >> 32), b = static_cast<std::uint32_t>(key & 0xffffffffu);
    pairs.push_back({a, {b, count}});
    pairs.push_back({b, {a, count}});
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    if (x.second.baskets_together != y.second.baskets_together) {
      return x.second.baskets_together > y.second.baskets_together;
    }
    return x.second.item < y.second.item;
  });
  neighbour_offsets_.assign(history_.item_count() + 1, 0);
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const auto item = pairs[p].first;
    const std::size_t kept = neighbour_offsets_[item + 1];
    if (kept < kMaxNeighboursPerItem) {
      neighbours_.push_back(pairs[p].second);
      ++neighbour_offsets_[item + 1];
    }
  }
  for (std::size_t i = 0; i < history_.item_count(); ++i) neighbour_offsets_[i + 1] += neighbour_offsets_[i];
}

Recommender::Attribute Recommender::build_attribute(const std::vector<std::uint32_t>& of_item, std::size_t count,
                                                    double weight) const {
  Attribute attribute{&of_item, std::vector<std::uint32_t>(count, 0), std::vector<std::vector<std::uint32_t>>(count),
                      count == 0 ? 0.0 : weight};
  for (const auto item : training_.popularity_order) {
    const auto value = of_item[item];
    if (value == kNoAttribute) continue;
    attribute.item_baskets[value] += training_.item_baskets[item];
    if (attribute.best_sellers[value].size() < kMaxItemsPerAttribute) attribute.best_sellers[value].push_back(item);
  }
  return attribute;
}

double Recommender::base_rate(std::uint32_t item) const {
  return total_item_baskets_ == 0.0 ? 0.0 : training_.item_baskets[item] / total_item_baskets_;
}

double Recommender::repeat_propensity(std::uint32_t customer) const {
  const double prior = weights_.repeat_prior;
  return (training_.repeat_item_baskets[customer] + prior * shop_repeat_share_) /
         (training_.later_item_baskets[customer] + prior);
}

void Recommender::add_own_and_associated(std::uint32_t customer, Scratch& scratch) const {
  const std::size_t begin = training_.own_offsets[customer], end = training_.own_offsets[customer + 1];
  double item_baskets = 0.0;
  for (std::size_t o = begin; o < end; ++o) item_baskets += training_.own[o].baskets;
  for (std::size_t o = begin; o < end; ++o) {
    const OwnItem& own = training_.own[o];
    const double share = own.baskets / item_baskets;
    scratch.own_share[own.item] = share;
    if (o - begin < kMaxOwnCandidates) scratch.association.try_emplace(own.item, 0.0);
    for (auto* attribute : {&category_, &brand_}) {
      const auto value = (*attribute->of_item)[own.item];
      if (value != kNoAttribute) (attribute == &category_ ? scratch.category_share : scratch.brand_share)[value] += share;
    }
    if (o - begin >= kMaxSeedItems) continue;
    const double denominator = training_.item_baskets[own.item] + weights_.association_shrinkage;
    scratch.kappa += share * weights_.association_shrinkage / denominator;
    for (std::size_t n = neighbour_offsets_[own.item]; n < neighbour_offsets_[own.item + 1]; ++n) {
      scratch.association[neighbours_[n].item] += share * neighbours_[n].baskets_together / denominator;
    }
  }
}

void Recommender::add_attribute(const Attribute& attribute, Scratch& scratch) const {
  if (attribute.weight <= 0.0) return;
  const auto& shares = &attribute == &category_ ? scratch.category_share : scratch.brand_share;
  std::vector<std::pair<double, std::uint32_t>> favourites;
  for (const auto& [value, share] : shares) favourites.emplace_back(share, value);
  const std::size_t top = std::min(kMaxTopAttributes, favourites.size());
  std::partial_sort(favourites.begin(), favourites.begin() + static_cast<std::ptrdiff_t>(top), favourites.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (std::size_t f = 0; f < top; ++f) {
    for (const auto item : attribute.best_sellers[favourites[f].second]) scratch.association.try_emplace(item, 0.0);
  }
}

void Recommender::add_popular(std::size_t k, Scratch& scratch) const {
  const std::size_t top = std::min(k, training_.popularity_order.size());
  for (std::size_t r = 0; r < top; ++r) scratch.association.try_emplace(training_.popularity_order[r], 0.0);
}

std::vector<std::uint32_t> Recommender::recommend(std::uint32_t customer, std::size_t k) const {
  assert(customer < history_.customer_count());
  k = std::min(k, kMaxRecommendations);
  Scratch scratch;
  add_own_and_associated(customer, scratch);
  add_attribute(category_, scratch);
  add_attribute(brand_, scratch);
  add_popular(k, scratch);
  const double rho = repeat_propensity(customer);
  auto attribute_part = [&](const Attribute& attribute, const std::unordered_map<std::uint32_t, double>& shares,
                            std::uint32_t item) {
    const auto value = (*attribute.of_item)[item];
    if (attribute.weight <= 0.0 || value == kNoAttribute || attribute.item_baskets[value] == 0) return 0.0;
    const auto share = shares.find(value);
    if (share == shares.end()) return 0.0;
    return attribute.weight * share->second * training_.item_baskets[item] / attribute.item_baskets[value];
  };
  std::vector<std::pair<double, std::uint32_t>> scored;
  scored.reserve(scratch.association.size());
  for (const auto& [item, association] : scratch.association) {
    const double base = base_rate(item);
    const auto own = scratch.own_share.find(item);
    const double mixture = weights_.association * (association + scratch.kappa * base) + weights_.popularity * base +
                           attribute_part(category_, scratch.category_share, item) +
                           attribute_part(brand_, scratch.brand_share, item);
    scored.emplace_back(rho * (own == scratch.own_share.end() ? 0.0 : own->second) + (1.0 - rho) * mixture / weight_total_,
                        item);
  }
  const std::size_t top = std::min(k, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(top), scored.end(),
                    [&](const auto& a, const auto& b) {
                      if (a.first != b.first) return a.first > b.first;
                      const auto rank_a = training_.popularity_rank[a.second], rank_b = training_.popularity_rank[b.second];
                      return rank_a != rank_b ? rank_a < rank_b : a.second < b.second;
                    });
  std::vector<std::uint32_t> items;
  for (std::size_t r = 0; r < top; ++r) items.push_back(scored[r].second);
  return items;
}

}  // namespace patron::offers
