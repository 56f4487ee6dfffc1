#pragma once
// What /readyz asks of the stores: the SQL store must answer a query (when it
// cannot, the probe throws and the read path answers 503 as for any lost
// connection) and the behaviour store a read; without the latter the server
// still serves, degraded.

#include "services/session.h"
#include "storage/documents/document_store.h"

namespace patron::services {

struct Readiness {
  bool documents = false;  // the behaviour store answered
};

Readiness probe_stores(Session session, documents::DocumentStore* store);

}  // namespace patron::services
