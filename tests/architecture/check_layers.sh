#!/usr/bin/env bash
# The dependency rules of docs/architecture.md, checked on the sources:
#  - src/domain includes nothing but the standard library and itself;
#  - src/http holds no SQL (it asks src/storage/sql for snapshots, savepoints, probes);
#  - src/analytics knows no database, HTTP or JSON library;
#  - src/offers, likewise, and no outer layer (services run it over the stores);
#  - src/services, the use cases (the analysis pipeline among them), never
#    reaches up into src/http or src/app;
#  - src/http calls src/services only: no storage header, no SQL library;
#  - src/services reaches SQL through its port (storage/sql/stores.h) and never
#    a SOCI adapter; its headers take a Session, not a SOCI session.
set -uo pipefail
src="${PATRON_LAYERS_SRC:-$(cd "$(dirname "$0")/../../src" && pwd)}"  # a copy, for the probes (check_layers_probes.sh)
failed=0
report() { echo "layering: $1"; echo "$2" | sed 's/^/  /'; failed=1; }

found="$(grep -rnE '#include <(soci|nlohmann|restinio|rocksdb|mongoc|bson|spdlog|sqlite3|sodium|jwt)' "$src/domain" || true)"
[ -n "$found" ] && report "src/domain must stay free of I/O and third-party libraries" "$found"
found="$(grep -rnE '#include "(storage|http|services|app|analytics|offers)/' "$src/domain" || true)"
[ -n "$found" ] && report "src/domain must not include outer layers" "$found"

found="$(grep -rnE '"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|SAVEPOINT|SET TRANSACTION|PRAGMA)\b' "$src/http" || true)"
[ -n "$found" ] && report "src/http must not hold SQL" "$found"

found="$(grep -rnE '#include <(soci|restinio|rocksdb|mongoc|nlohmann)' "$src/analytics" || true)"
[ -n "$found" ] && report "src/analytics is pure computation" "$found"

found="$(grep -rnE '#include <(soci|restinio|rocksdb|mongoc|nlohmann|spdlog)' "$src/offers" || true)"
[ -n "$found" ] && report "src/offers is pure computation, like src/analytics" "$found"
found="$(grep -rnE '#include "(storage|http|services|app)/' "$src/offers" || true)"
[ -n "$found" ] && report "src/offers must not include outer layers" "$found"

found="$(grep -rnE '#include "(http|app)/' "$src/services" || true)"
[ -n "$found" ] && report "src/services must not include the layers that call it (http, app)" "$found"

# One door (issue 15): src/http calls src/services only. It includes no
# storage header and names neither the SQL library nor the sql namespace: the
# services hand it domain records and a Session it only passes on.
found="$(grep -rnE '#include "storage/|#include <soci' "$src/http" || true)"
[ -n "$found" ] && report "src/http must reach storage through src/services" "$found"
found="$(grep -rnE '\b(soci|sql)::' "$src/http" | grep -vE '^[^:]+:[0-9]+:\s*//' || true)"
[ -n "$found" ] && report "src/http must not name the SQL side's types (soci::, sql::); use the services' and the domain's" "$found"

# The SQL side is a port (issue 15): the services reach it through
# storage/sql/stores.h, abstract stores in the domain's words, and never name a
# SOCI adapter (a *_repository.h). Their headers take a Session (no SOCI
# include); the one other storage/sql header a services header still includes
# is listed, and the list only shrinks.
found="$(grep -rnE '#include "storage/sql/[a-z_]+_repository\.h"' "$src/services" || true)"
[ -n "$found" ] && report "src/services must use the SQL port (storage/sql/stores.h), not its SOCI adapters" "$found"
found="$(grep -rnE '#include "storage/sql/[a-z_]+_repository\.h"' "$src/app" || true)"
[ -n "$found" ] && report "src/app wires the SQL port (storage/sql/stores.h) too, not its SOCI adapters" "$found"
found="$(grep -nE '#include <soci' "$src"/services/*.h || true)"
[ -n "$found" ] && report "src/services headers take a services::Session, not a SOCI session" "$found"
allowed_services_sql="$(cat <<'LIST'
services/affinity_events.h:storage/sql/history_reader.h
LIST
)"
actual_services_sql="$(cd "$src" && grep -HoE '#include "storage/sql/[^"]+"' services/*.h | sed 's/#include //; s/"//g' \
  | grep -vE ':storage/sql/([a-z_]+_store|stores|records)\.h$' | sort)"
found="$(comm -13 <(echo "$allowed_services_sql") <(echo "$actual_services_sql"))"
[ -n "$found" ] && report "a services header must include only the SQL port's headers (file:header not on the shrinking list)" "$found"
found="$(comm -23 <(echo "$allowed_services_sql") <(echo "$actual_services_sql"))"
[ -n "$found" ] && report "these includes are gone: take them off allowed_services_sql in $0" "$found"

[ "$failed" = 0 ] && echo "layering: ok"
exit "$failed"
