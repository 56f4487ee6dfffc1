#!/usr/bin/env bash
# The dependency rules of docs/architecture.md, checked on the sources:
#  - src/domain includes nothing but the standard library and itself;
#  - src/http holds no SQL (it asks src/storage/sql for snapshots, savepoints, probes);
#  - src/analytics knows no database, HTTP or JSON library;
#  - src/offers, likewise, and no outer layer (services run it over the stores);
#  - src/services, the use cases (the analysis pipeline among them), never
#    reaches up into src/http or src/app;
#  - src/http calls src/services only: no storage header, no SQL library.
set -uo pipefail
src="$(cd "$(dirname "$0")/../../src" && pwd)"
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

[ "$failed" = 0 ] && echo "layering: ok"
exit "$failed"
