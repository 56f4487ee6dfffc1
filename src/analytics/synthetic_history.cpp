#include "analytics/synthetic_history.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
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
  for (std::size_t p = 0; p < options.products; ++p) {
    std::snprintf(text, sizeof text, "SKU-%06zu", p + 1);
    catalog.sku.emplace_back(text);
    const std::size_t c = category(rng), b = brand(rng);
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
  const AliasTable product(zipf_weights(catalog.size()));
  std::geometric_distribution<int> extra_lines(0.6);  // 1.67 lines per purchase on average
  std::uniform_int_distribution<std::int64_t> second_of_day(8 * 3600, 21 * 3600);
  SyntheticPurchase purchase;
  for (const std::uint64_t key : keyed) {
    purchase.customer = static_cast<std::uint32_t>(key & 0xffffffffu);
    purchase.occurred_at = static_cast<std::int64_t>(key >> 32) * kSecondsPerDay + second_of_day(rng);
    purchase.lines.clear();
    const int count = std::min(kMaxLinesPerPurchase, 1 + extra_lines(rng));
    for (int l = 0; l < count; ++l) {
      const std::uint32_t p = product.draw(rng);
      const bool repeat = std::any_of(purchase.lines.begin(), purchase.lines.end(),
                                      [p](const SyntheticLine& line) { return line.product == p; });
      if (!repeat) purchase.lines.push_back({p, 1 + static_cast<std::int64_t>(unit(rng) < 0.2)});
    }
    emit(purchase);
  }
  return keyed.size();
}

}  // namespace patron::analytics
