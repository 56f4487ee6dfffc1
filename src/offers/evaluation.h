#pragma once
// Offline evaluation of the next-products recommender against two baselines
// (../shared/spec/api.md, `patron offers evaluate`): learn from the purchase
// lines before the split day, then score the products each customer buys on
// or after it.
// - customers evaluated: at least one purchase before the split and one on or after;
// - popularity: the k SKUs with the most lines before the split (ties: most
//   recent purchase first, then SKU), the same list for everyone;
// - personal popularity: the customer's own k SKUs with the most lines before
//   the split (same ties, no padding);
// - hit rate@k: share of evaluated customers who buy at least one of their k;
// - recall@k: recommended SKUs bought on or after the split / distinct SKUs
//   bought then, averaged over the evaluated customers.
// Pure: no I/O.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "domain/result.h"
#include "offers/purchase_history.h"
#include "offers/recommender.h"
#include "offers/training_history.h"

namespace patron::offers {

constexpr std::size_t kMaxEvaluationK = kMaxRecommendations;

struct EvaluationOptions {
  Day split_day = 0;
  std::size_t k = 10;
  RecommenderWeights weights;
};

struct MethodFigures {
  double engine = 0.0;
  double popularity = 0.0;
  double personal_popularity = 0.0;
};

struct EvaluationResult {
  std::size_t customers_evaluated = 0;
  std::size_t k = 0;
  MethodFigures hit_rate;
  MethodFigures recall;
};

// Baselines, exposed for tests.
std::vector<std::uint32_t> popularity_top(const TrainingHistory& training, std::size_t k);
std::vector<std::uint32_t> personal_popularity_top(const TrainingHistory& training, std::uint32_t customer,
                                                   std::size_t k);

// Per customer, the distinct items bought on or after `from_instant`, sorted.
std::vector<std::vector<std::uint32_t>> items_bought_from(const PurchaseHistory& history, std::int64_t from_instant);

// Errors (validation_failed): k outside 1..kMaxEvaluationK, an empty history,
// no customer with purchases on both sides of the split.
Result<EvaluationResult> evaluate(const PurchaseHistory& history, const EvaluationOptions& options);

}  // namespace patron::offers
