#include "offers/training_history.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace patron::offers {
namespace {

struct LineKey {
  std::uint32_t customer, item, basket;
  std::int64_t instant;
};

std::vector<LineKey> lines_before(const PurchaseHistory& history, std::int64_t until_instant) {
  std::vector<LineKey> keys;
  for (std::size_t r = 0; r < history.lines(); ++r) {
    if (history.instant[r] < until_instant) {
      keys.push_back({history.customer[r], history.item[r], history.basket[r], history.instant[r]});
    }
  }
  std::sort(keys.begin(), keys.end(), [](const LineKey& a, const LineKey& b) {
    return std::tie(a.customer, a.item, a.basket) < std::tie(b.customer, b.item, b.basket);
  });
  return keys;
}

// Each customer's first basket (earliest instant, then lowest id) and basket count.
void count_customer_baskets(const PurchaseHistory& history, const std::vector<LineKey>& keys, TrainingHistory& out,
                            std::vector<std::uint32_t>& first_basket) {
  std::vector<std::int64_t> first_instant(history.customer_count(), INT64_MAX);
  first_basket.assign(history.customer_count(), UINT32_MAX);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> baskets;  // (basket, customer)
  for (const auto& key : keys) {
    if (std::tie(key.instant, key.basket) < std::tie(first_instant[key.customer], first_basket[key.customer])) {
      first_instant[key.customer] = key.instant;
      first_basket[key.customer] = key.basket;
    }
    baskets.emplace_back(key.basket, key.customer);
  }
  std::sort(baskets.begin(), baskets.end());
  baskets.erase(std::unique(baskets.begin(), baskets.end()), baskets.end());
  out.baskets = baskets.size();
  for (const auto& [basket, customer] : baskets) ++out.customer_baskets[customer];
}

// One OwnItem per run of equal (customer, item) keys; also the item totals.
void aggregate_own_items(const std::vector<LineKey>& keys, const std::vector<std::uint32_t>& first_basket,
                         TrainingHistory& out) {
  std::size_t run = 0;
  while (run < keys.size()) {
    const auto customer = keys[run].customer, item = keys[run].item;
    OwnItem own{item, 0, 0, INT64_MIN};
    bool in_first_basket = false;
    std::size_t r = run;
    for (; r < keys.size() && keys[r].customer == customer && keys[r].item == item; ++r) {
      ++own.lines;
      if (r == run || keys[r].basket != keys[r - 1].basket) ++own.baskets;
      own.last_instant = std::max(own.last_instant, keys[r].instant);
      in_first_basket = in_first_basket || keys[r].basket == first_basket[customer];
    }
    out.own.push_back(own);
    ++out.own_offsets[customer + 1];
    out.repeat_item_baskets[customer] += own.baskets - 1;
    out.later_item_baskets[customer] += own.baskets - (in_first_basket ? 1 : 0);
    out.item_lines[item] += own.lines;
    out.item_baskets[item] += own.baskets;
    out.item_last_instant[item] = std::max(out.item_last_instant[item], own.last_instant);
    run = r;
  }
  std::partial_sum(out.own_offsets.begin(), out.own_offsets.end(), out.own_offsets.begin());
}

void rank_items(const PurchaseHistory& history, TrainingHistory& out) {
  for (std::uint32_t i = 0; i < history.item_count(); ++i) {
    if (out.item_lines[i] > 0) out.popularity_order.push_back(i);
  }
  std::sort(out.popularity_order.begin(), out.popularity_order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return ranks_before(out.item_lines[a], out.item_last_instant[a], history.skus[a], out.item_lines[b],
                        out.item_last_instant[b], history.skus[b]);
  });
  out.popularity_rank.assign(history.item_count(), UINT32_MAX);
  for (std::size_t r = 0; r < out.popularity_order.size(); ++r) {
    out.popularity_rank[out.popularity_order[r]] = static_cast<std::uint32_t>(r);
  }
  for (std::size_t c = 0; c < history.customer_count(); ++c) {
    std::sort(out.own.begin() + static_cast<std::ptrdiff_t>(out.own_offsets[c]),
              out.own.begin() + static_cast<std::ptrdiff_t>(out.own_offsets[c + 1]),
              [&](const OwnItem& a, const OwnItem& b) {
                return ranks_before(a.lines, a.last_instant, history.skus[a.item], b.lines, b.last_instant,
                                    history.skus[b.item]);
              });
  }
}

}  // namespace

bool ranks_before(std::uint32_t lines_a, std::int64_t last_a, const std::string& sku_a, std::uint32_t lines_b,
                  std::int64_t last_b, const std::string& sku_b) {
  if (lines_a != lines_b) return lines_a > lines_b;
  if (last_a != last_b) return last_a > last_b;
  return sku_a < sku_b;
}

TrainingHistory summarize_before(const PurchaseHistory& history, std::int64_t until_instant) {
  TrainingHistory out;
  out.until_instant = until_instant;
  const auto keys = lines_before(history, until_instant);
  out.lines = keys.size();
  const std::size_t items = history.item_count(), customers = history.customer_count();
  out.item_lines.assign(items, 0);
  out.item_baskets.assign(items, 0);
  out.item_last_instant.assign(items, INT64_MIN);
  out.own_offsets.assign(customers + 1, 0);
  out.customer_baskets.assign(customers, 0);
  out.repeat_item_baskets.assign(customers, 0);
  out.later_item_baskets.assign(customers, 0);
  std::vector<std::uint32_t> first_basket;
  count_customer_baskets(history, keys, out, first_basket);
  aggregate_own_items(keys, first_basket, out);
  rank_items(history, out);
  return out;
}

}  // namespace patron::offers
