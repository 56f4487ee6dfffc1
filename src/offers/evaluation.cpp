#include "offers/evaluation.h"

#include <algorithm>
#include <string>

namespace patron::offers {
namespace {

struct Score {
  bool hit = false;
  double recall = 0.0;
};

// `bought` is sorted; `recommended` holds distinct items.
Score score_of(const std::vector<std::uint32_t>& recommended, const std::vector<std::uint32_t>& bought) {
  std::size_t found = 0;
  for (const auto item : recommended) found += std::binary_search(bought.begin(), bought.end(), item) ? 1 : 0;
  return {found > 0, static_cast<double>(found) / static_cast<double>(bought.size())};
}

struct Totals {
  double hits = 0.0, recall = 0.0;
  void add(const Score& score) {
    hits += score.hit ? 1.0 : 0.0;
    recall += score.recall;
  }
  double hit_rate(std::size_t n) const { return hits / static_cast<double>(n); }
  double mean_recall(std::size_t n) const { return recall / static_cast<double>(n); }
};

Status check(const PurchaseHistory& history, const EvaluationOptions& options) {
  if (options.k < 1 || options.k > kMaxEvaluationK) {
    return Error::validation("k", "must be between 1 and " + std::to_string(kMaxEvaluationK));
  }
  if (history.lines() == 0) return Error::validation("history", "the history holds no purchase line");
  return ok_status();
}

}  // namespace

std::vector<std::uint32_t> popularity_top(const TrainingHistory& training, std::size_t k) {
  const std::size_t n = std::min(k, training.popularity_order.size());
  return {training.popularity_order.begin(), training.popularity_order.begin() + static_cast<std::ptrdiff_t>(n)};
}

std::vector<std::uint32_t> personal_popularity_top(const TrainingHistory& training, std::uint32_t customer,
                                                   std::size_t k) {
  const std::size_t begin = training.own_offsets[customer], end = training.own_offsets[customer + 1];
  std::vector<std::uint32_t> items;
  for (std::size_t o = begin; o < end && items.size() < k; ++o) items.push_back(training.own[o].item);
  return items;
}

std::vector<std::vector<std::uint32_t>> items_bought_from(const PurchaseHistory& history, std::int64_t from_instant) {
  std::vector<std::vector<std::uint32_t>> bought(history.customer_count());
  for (std::size_t r = 0; r < history.lines(); ++r) {
    if (history.instant[r] >= from_instant) bought[history.customer[r]].push_back(history.item[r]);
  }
  for (auto& items : bought) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
  }
  return bought;
}

Result<EvaluationResult> evaluate(const PurchaseHistory& history, const EvaluationOptions& options) {
  if (auto valid = check(history, options); !valid.ok()) return valid.error();
  const std::int64_t split = start_of_day(options.split_day);
  const TrainingHistory training = summarize_before(history, split);
  const auto bought_after = items_bought_from(history, split);
  const Recommender engine(history, training, options.weights);
  const auto popular = popularity_top(training, options.k);
  Totals engine_totals, popularity_totals, personal_totals;
  std::size_t evaluated = 0;
  for (std::uint32_t c = 0; c < history.customer_count(); ++c) {
    if (!training.bought_before(c) || bought_after[c].empty()) continue;
    ++evaluated;
    engine_totals.add(score_of(engine.recommend(c, options.k), bought_after[c]));
    popularity_totals.add(score_of(popular, bought_after[c]));
    personal_totals.add(score_of(personal_popularity_top(training, c, options.k), bought_after[c]));
  }
  if (evaluated == 0) {
    return Error::validation("split", "no customer bought both before the split day and on or after it");
  }
  EvaluationResult result;
  result.customers_evaluated = evaluated;
  result.k = options.k;
  result.hit_rate = {engine_totals.hit_rate(evaluated), popularity_totals.hit_rate(evaluated),
                     personal_totals.hit_rate(evaluated)};
  result.recall = {engine_totals.mean_recall(evaluated), popularity_totals.mean_recall(evaluated),
                   personal_totals.mean_recall(evaluated)};
  return result;
}

}  // namespace patron::offers
