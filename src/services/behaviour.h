#pragma once
// A member's behaviour documents: stated preferences, feedback and browsing
// events. Each write is checked against the store's bounds before any I/O,
// and refused for an erased or unknown account, so nothing is added after an
// erasure. Feedback is scored for sentiment as it is given.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/sentiment.h"
#include "domain/result.h"
#include "services/session.h"
#include "storage/documents/document_store.h"
#include "storage/documents/validation.h"

namespace patron::services {

inline constexpr std::size_t kMaxPreferenceItems = 100;      // in each known list
inline constexpr std::size_t kMaxPreferenceItemBytes = 128;  // each item of a known list

// The checks come apart from the writes so a caller can refuse bad input
// before it touches either store; each write checks again, cheaply.
class Behaviour {
 public:
  explicit Behaviour(documents::DocumentStore& store) : store_(store) {}

  // The document as the compact text to store; the known lists
  // (favorite_categories, favorite_brands, channels, dietary) must hold short strings.
  static Result<std::string> checked_preferences(const nlohmann::json& document);
  static Status check_feedback(const documents::Feedback& feedback);
  static Status check_events(const std::vector<documents::Event>& events);

  // The stored document's text; none when never set.
  Result<std::optional<std::string>> preferences(const std::string& customer_id);
  // The customer's newest feedback, at most `limit` (up to kMaxPageLimit).
  Result<FeedbackPage> recent_feedback(const std::string& customer_id, std::size_t limit);
  // Replaces the document with `compact` (from checked_preferences).
  Status save_preferences(Session session, const std::string& customer_id, const std::string& compact);
  // Stores `feedback` (its customer, rating, text, subjects and tags filled
  // in) with its sentiment and time; the product and store it names must exist.
  Result<documents::Feedback> give_feedback(Session session, documents::Feedback feedback,
                                            const analytics::SentimentScorer& sentiment);
  // Appends a batch of one customer's events (stamped by the caller); how many were stored.
  Result<std::size_t> record_events(Session session, const std::string& customer_id,
                                    const std::vector<documents::Event>& events);

 private:
  documents::DocumentStore& store_;
};

// Milliseconds since the epoch, as the store stamps what it receives.
std::int64_t behaviour_now_ms();

}  // namespace patron::services
