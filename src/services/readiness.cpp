#include "services/readiness.h"

#include "storage/sql/transactions.h"

namespace patron::services {

Readiness probe_stores(Session session, documents::DocumentStore* store) {
  sql::probe(session);
  return {store != nullptr && store->get_preferences("readyz-probe").ok()};
}

}  // namespace patron::services
