#include "analytics/synthetic_history.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numeric>
#include <random>

namespace patron::analytics {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr int kMaxLinesPerPurchase = 8;
constexpr double kZipfExponent = 1.1;

// Walker's alias table: O(1) draws from a fixed discrete distribution, which
// keeps 20 M draws over a million customers at a few nanoseconds each.
class AliasTable {
 public:
  explicit AliasTable(const std::vector<double>& weights) : probability_(weights.size()), alias_(weights.size()) {
    assert(!weights.empty());
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    const std::size_t n = weights.size();
    std::vector<double> scaled(n);
    std::vector<std::uint32_t> small, large;
    for (std::size_t i = 0; i < n; ++i) {
      scaled[i] = weights[i] * static_cast<double>(n) / total;
      (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
    }
    while (!small.empty() && !large.empty()) {
      const std::uint32_t s = small.back(), l = large.back();
      small.pop_back();
      probability_[s] = scaled[s];
      alias_[s] = l;
      scaled[l] -= 1.0 - scaled[s];
      if (scaled[l] < 1.0) {
        large.pop_back();
        small.push_back(l);
      }
    }
    for (const auto i : large) probability_[i] = 1.0;
    for (const auto i : small) probability_[i] = 1.0;
  }

  template <typename Rng>
  std::uint32_t draw(Rng& rng) const {
    const std::uint64_t bits = rng();
    const auto column = static_cast<std::uint32_t>((bits >> 32) % probability_.size());
    const double u = static_cast<double>(bits & 0xffffffffu) * 0x1.0p-32;
    return u < probability_[column] ? column : alias_[column];
  }

 private:
  std::vector<double> probability_;
  std::vector<std::uint32_t> alias_;
};

std::vector<double> zipf_weights(std::size_t n) {
  std::vector<double> weights(n);
  for (std::size_t i = 0; i < n; ++i) weights[i] = 1.0 / std::pow(static_cast<double>(i + 1), kZipfExponent);
  return weights;
}

// SplitMix64: a generator seeded per customer at the cost of one addition,
// where std::mt19937_64 would fill 312 words for every purchase.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t operator()() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
};

double unit_of(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// Where a purchase line's product comes from: the catalogue's Zipf
// popularity overall and within each category.
class ProductDraws {
 public:
  ProductDraws(const SyntheticCatalog& catalog, std::size_t categories) : overall_(zipf_weights(catalog.size())) {
    const auto weights = zipf_weights(catalog.size());
    std::vector<std::vector<double>> category_weights(categories);
    members_.resize(categories);
    std::vector<double> category_total(categories, 0.0);
    for (std::size_t p = 0; p < catalog.size(); ++p) {
      const auto c = catalog.category_index[p];
      members_[c].push_back(static_cast<std::uint32_t>(p));
      category_weights[c].push_back(weights[p]);
      category_total[c] += weights[p];
    }
    for (std::size_t c = 0; c < categories; ++c) {
      within_.emplace_back(category_weights[c].empty() ? std::vector<double>{1.0} : category_weights[c]);
    }
    categories_ = std::make_unique<AliasTable>(category_total);
  }

  template <typename Rng>
  std::uint32_t overall(Rng& rng) const { return overall_.draw(rng); }
  template <typename Rng>
  std::uint32_t category(Rng& rng) const { return categories_->draw(rng); }
  // A product of category c, or one drawn overall when c has none.
  template <typename Rng>
  std::uint32_t in_category(std::uint32_t c, Rng& rng) const {
    return members_[c].empty() ? overall(rng) : members_[c][within_[c].draw(rng)];
  }

 private:
  AliasTable overall_;
  std::unique_ptr<AliasTable> categories_;
  std::vector<AliasTable> within_;
  std::vector<std::vector<std::uint32_t>> members_;
};

// A customer's tastes, derived from the seed and the customer alone so that
// nothing per customer is stored: favourite categories and staple products.
struct Tastes {
  std::array<std::uint32_t, kFavouriteCategories> categories{};
  std::array<std::uint32_t, kStapleProducts> staples{};
};

Tastes tastes_of(std::uint64_t seed, std::uint32_t customer, const ProductDraws& draws) {
  SplitMix64 rng{seed * 0x2545f4914f6cdd1dull + customer};
  Tastes tastes;
  for (auto& category : tastes.categories) category = draws.category(rng);
  for (std::size_t s = 0; s < kStapleProducts; ++s) {
    tastes.staples[s] = draws.in_category(tastes.categories[s % kFavouriteCategories], rng);
  }
  return tastes;
}

template <typename Rng>
std::uint32_t draw_line_product(const Tastes& tastes, const ProductDraws& draws, Rng& rng) {
  const double u = unit_of(rng());
  if (u < kStapleShare) return tastes.staples[rng() % kStapleProducts];
  if (u < kStapleShare + kFavouriteCategoryShare) {
    return draws.in_category(tastes.categories[rng() % kFavouriteCategories], rng);
  }
  return draws.overall(rng);
}

// Another product of p's co-purchase group (p itself when the group is p alone).
template <typename Rng>
std::uint32_t group_companion(std::uint32_t p, std::size_t products, Rng& rng) {
  const std::size_t first = p - p % kCoPurchaseGroupSize;
  const std::size_t size = std::min(kCoPurchaseGroupSize, products - first);
  if (size < 2) return p;
  return static_cast<std::uint32_t>(first + (p - first + 1 + rng() % (size - 1)) % size);
}

void add_line(SyntheticPurchase& purchase, std::uint32_t p, double u) {
  const bool repeat = std::any_of(purchase.lines.begin(), purchase.lines.end(),
                                  [p](const SyntheticLine& line) { return line.product == p; });
  if (!repeat) purchase.lines.push_back({p, 1 + static_cast<std::int64_t>(u < 0.2)});
}

// Each customer's first purchase day, active span (churn) and relative rate.
struct Customers {
  std::vector<Day> first_day;
  std::vector<std::int32_t> active_days;
};

}  // namespace

SyntheticCatalog synthetic_catalog(const SyntheticOptions& options) {
  assert(options.products > 0 && options.categories > 0 && options.brands > 0);
  std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ull);
  std::lognormal_distribution<double> price(std::log(1500.0), 0.8);  // median 15.00
  std::uniform_int_distribution<std::size_t> category(0, options.categories - 1), brand(0, options.brands - 1);
  SyntheticCatalog catalog;
  char text[64];
  std::size_t c = 0, b = 0;
  for (std::size_t p = 0; p < options.products; ++p) {
    std::snprintf(text, sizeof text, "SKU-%06zu", p + 1);
    catalog.sku.emplace_back(text);
    // A co-purchase group shares its first product's category and brand.
    const std::size_t drawn_category = category(rng), drawn_brand = brand(rng);
    if (p % kCoPurchaseGroupSize == 0) {
      c = drawn_category;
      b = drawn_brand;
    }
    catalog.category_index.push_back(static_cast<std::uint32_t>(c));
    std::snprintf(text, sizeof text, "category-%02zu", c + 1);
    catalog.category.emplace_back(text);
    std::snprintf(text, sizeof text, "brand-%03zu", b + 1);
    catalog.brand.emplace_back(text);
    catalog.name.push_back(catalog.brand.back() + " item " + std::to_string(p + 1));
    catalog.price_minor.push_back(std::max<std::int64_t>(50, std::llround(price(rng))));
  }
  return catalog;
}

std::size_t generate_history(const SyntheticOptions& options, const SyntheticCatalog& catalog,
                             const std::function<void(const SyntheticPurchase&)>& emit) {
  assert(options.customers > 0 && options.purchases >= options.customers && catalog.size() > 0);
  assert(options.customers <= UINT32_MAX && options.history_days > 0);
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::gamma_distribution<double> rate(0.5, 1.0);  // heterogeneous: the top decile buys about half
  std::exponential_distribution<double> lifetime(1.0 / options.mean_lifetime_days);
  Customers customers;
  std::vector<double> weight(options.customers);
  for (std::size_t c = 0; c < options.customers; ++c) {
    const auto first = static_cast<Day>(unit(rng) * options.history_days * 0.9);
    const int remaining = options.history_days - first;
    const int active = std::clamp(static_cast<int>(lifetime(rng)), 1, remaining);
    customers.first_day.push_back(options.first_day + first);
    customers.active_days.push_back(active);
    weight[c] = rate(rng) * active + 1e-9;  // expected repeat purchases ~ rate x active span
  }
  // Every customer's first purchase, then the repeats drawn by weight, each on
  // a day of the customer's active span; all sorted by day for emission.
  std::vector<std::uint64_t> keyed(options.purchases);  // day << 32 | customer
  for (std::size_t c = 0; c < options.customers; ++c) {
    keyed[c] = (static_cast<std::uint64_t>(customers.first_day[c]) << 32) | c;
  }
  {
    const AliasTable pick(weight);
    for (std::size_t k = options.customers; k < options.purchases; ++k) {
      const std::uint32_t c = pick.draw(rng);
      const auto offset = static_cast<Day>(1 + unit(rng) * customers.active_days[c]);
      keyed[k] = (static_cast<std::uint64_t>(customers.first_day[c] + offset) << 32) | c;
    }
  }
  std::sort(keyed.begin(), keyed.end());
  const ProductDraws draws(catalog, options.categories);
  // 1.33 drawn lines, each bringing a group companion 35 % of the time: about
  // 1.7 lines per purchase, as many as when lines were drawn independently.
  std::geometric_distribution<int> extra_lines(0.75);
  std::uniform_int_distribution<std::int64_t> second_of_day(8 * 3600, 21 * 3600);
  SyntheticPurchase purchase;
  for (const std::uint64_t key : keyed) {
    purchase.customer = static_cast<std::uint32_t>(key & 0xffffffffu);
    purchase.occurred_at = static_cast<std::int64_t>(key >> 32) * kSecondsPerDay + second_of_day(rng);
    purchase.lines.clear();
    const Tastes tastes = tastes_of(options.seed, purchase.customer, draws);
    const int count = std::min(kMaxLinesPerPurchase / 2, 1 + extra_lines(rng));
    for (int l = 0; l < count; ++l) {
      const std::uint32_t p = draw_line_product(tastes, draws, rng);
      add_line(purchase, p, unit(rng));
      if (unit(rng) < kGroupCompanionChance) add_line(purchase, group_companion(p, catalog.size(), rng), unit(rng));
    }
    emit(purchase);
  }
  return keyed.size();
}

}  // namespace patron::analytics
