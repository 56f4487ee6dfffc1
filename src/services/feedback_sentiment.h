#pragma once
// How customers feel, from their feedback: each item's sentiment was scored
// when it was given and lives in the behaviour store; this sums the newest
// feedback of a window, overall, by product, by store and by month. It reads
// at most kMaxFeedbackScanned items so a request stays bounded (`truncated`
// says when the window held more).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.h"
#include "storage/documents/document_store.h"

namespace patron::services {

inline constexpr int kDefaultSentimentDays = 90;
inline constexpr int kMaxSentimentDays = 3660;
inline constexpr std::size_t kMaxFeedbackScanned = 20'000;
inline constexpr std::size_t kTopGroupsShown = 20;  // products and stores, the most reviewed first
inline constexpr double kNeutralBand = 0.05;        // |sentiment| below this is neutral (VADER's convention)

struct SentimentTotals {
  std::size_t count = 0, positive = 0, neutral = 0, negative = 0;
  double sum = 0.0;

  void add(double sentiment);
  std::optional<double> average() const;
};

struct SentimentGroup {
  std::string key;  // a product's SKU, a store's id, or a month as YYYY-MM
  SentimentTotals totals;
};

struct SentimentReport {
  SentimentTotals overall;
  std::int64_t from_ms = 0;  // the window's start; it runs through the current second
  bool truncated = false;
  std::vector<SentimentGroup> by_product, by_store;  // the most reviewed first, at most kTopGroupsShown
  std::vector<SentimentGroup> months;                // oldest first
};

// `days` from 1 to kMaxSentimentDays (else a validation error on "days").
Result<SentimentReport> feedback_sentiment(documents::DocumentStore& store, int days, std::int64_t now_seconds);

}  // namespace patron::services
