#pragma once
// Bulk loading of purchase history (`patron import`, `patron gen-data`):
// customers known by an id in their source system become users with an
// account and no password, unknown products and stores are created, and
// purchases are written with their lines in large batches, one transaction a
// batch. Importing history never awards points: it records what was bought,
// not what the program would have paid for it then (points_earned = 0, no
// ledger entries). A purchase whose (store, external_id) is already stored is
// skipped, so re-running an import changes nothing.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <soci/soci.h>

#include "domain/earning.h"
#include "storage/sql/records.h"

namespace patron::sql {

// A line of history: what was bought and at what price, with the product's
// name for a product the import has to create.
struct HistoryLine : PricedLine {
  std::string name;
};

struct HistoryPurchase {
  std::string customer_external_id;
  std::string store_code;
  std::string external_id;  // unique within the store
  std::int64_t occurred_at = 0;
  std::string currency;
  MinorUnits total_minor = 0;
  std::vector<HistoryLine> lines;
};

struct HistoryCounts {
  std::size_t customers_created = 0;
  std::size_t stores_created = 0;
  std::size_t products_created = 0;
  std::size_t purchases_written = 0;
  std::size_t purchases_already_stored = 0;
  std::size_t lines_written = 0;
};

inline constexpr std::size_t kHistoryBatchPurchases = 50'000;

class HistoryWriter {
 public:
  // `source` names the system the customer ids come from ("online-retail",
  // "cdnow", a shop's name): the same id in two sources is two customers.
  HistoryWriter(soci::session& session, std::string source, std::int64_t now);
  ~HistoryWriter();
  HistoryWriter(const HistoryWriter&) = delete;
  HistoryWriter& operator=(const HistoryWriter&) = delete;

  // Creates the product unless its SKU is known (first sight wins).
  void add_product(const ProductRecord& product);
  // Queues the purchase; false when it is already stored or queued. Callers
  // whose ids are new by construction (gen-data into a fresh store) pass
  // check_stored = false and save the set of known ids.
  bool add(const HistoryPurchase& purchase, bool check_stored = true);
  // Purchases already stored for a store code (0 for an unknown store).
  std::int64_t purchases_in_store(const std::string& code);
  // Writes what is queued in one transaction. add() flushes every
  // kHistoryBatchPurchases purchases; call it once more at the end.
  void flush();
  const HistoryCounts& counts() const { return counts_; }
  // The user id of a source customer id, creating the customer when new.
  const std::string& customer_id(const std::string& external_id);

 private:
  const std::string& store_id(const std::string& code);
  void flush_direct();
  void flush_soci();
  std::string next_id(const char* prefix);
  void load_known();
  void load_external_ids(const std::string& store_id, std::unordered_set<std::string>& ids);

  soci::session& session_;
  std::string source_;
  std::int64_t now_;
  std::string id_nonce_;
  std::uint64_t sequence_ = 0;
  HistoryCounts counts_;

  std::unordered_map<std::string, std::string> customers_;  // external id -> user id
  std::unordered_map<std::string, std::string> stores_;     // code -> id
  std::unordered_set<std::string> skus_;
  std::unordered_map<std::string, std::unordered_set<std::string>> external_ids_;  // store id -> stored ids

  struct Pending;
  std::unique_ptr<Pending> pending_;
};

}  // namespace patron::sql
