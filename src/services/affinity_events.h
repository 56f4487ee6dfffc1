#pragma once
// Behaviour events for affinity: the document store's events resolved against
// the SQL history being analysed into analytics::EventColumns, so analytics
// stays free of storage. An event counts for its product's category and brand
// when its SKU is in the catalogue (the catalogue is the authority, as for
// purchases), else for the category it names if the catalogue has that
// category (a client cannot invent a top category). Events of customers not
// in the history (unknown to SQL, or without purchases to score them by),
// events of weight 0 and events with neither attribute are skipped, counted.
#include <cstddef>
#include <string>
#include <vector>

#include "analytics/affinity.h"
#include "domain/result.h"
#include "storage/documents/document_store.h"
#include "storage/sql/history_reader.h"

namespace patron::services {

// Events older than this many half-lives before as_of weigh under 1/1000 of
// a fresh one: not read at all, which bounds the pass over a long-lived store.
inline constexpr double kEventWindowHalfLives = 10.0;

enum class AffinityKind { category, brand };

struct AffinityEventCounts {
  std::size_t read = 0;     // events in the window
  std::size_t blended = 0;  // kept
  std::size_t unknown_customer = 0;
  std::size_t without_weight = 0;     // remove_from_cart, a search naming no category
  std::size_t without_attribute = 0;  // neither a catalogue SKU nor a catalogue category
};

struct AffinityEvents {
  analytics::EventColumns columns;  // one attribute column per kind asked for, in that order
  AffinityEventCounts counts;
};

struct AffinityEventOptions {
  analytics::Day as_of = 0;
  double half_life_days = 90.0;
  analytics::EventWeights weights;
  std::vector<AffinityKind> kinds{AffinityKind::category, AffinityKind::brand};
};

// What an event of this type is worth (EventWeights); a search counts only
// when it names a category.
double event_weight(const documents::Event& event, const analytics::EventWeights& weights);

// One pass over the store's snapshot; an error of the store comes back as is.
Result<AffinityEvents> read_affinity_events(documents::DocumentStore& store, const sql::StoredHistory& history,
                                            const AffinityEventOptions& options);

}  // namespace patron::services
