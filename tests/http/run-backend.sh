#!/usr/bin/env bash
# Runs the whole HTTP suite against one SQL backend: sqlite, mysql or postgresql.
# The server backends come from PATRON_TEST_MYSQL_URL / PATRON_TEST_POSTGRES_URL
# (scripts/test-db-servers.sh env); without one, the run is skipped (exit 77),
# or fails when PATRON_TEST_REQUIRE_SERVERS=1 (make test, which starts them).
set -euo pipefail
backend="$1"
here="$(cd "$(dirname "$0")" && pwd)"
node="${NODE_EXECUTABLE:-node}"
case "$backend" in
  sqlite) unset PATRON_TEST_DATABASE_URL ;;
  mysql | postgresql)
    var=PATRON_TEST_MYSQL_URL
    [ "$backend" = postgresql ] && var=PATRON_TEST_POSTGRES_URL
    url="${!var:-}"
    if [ -z "$url" ]; then
      if [ "${PATRON_TEST_REQUIRE_SERVERS:-0}" = 1 ]; then
        echo "FAILED: $var is not set but PATRON_TEST_REQUIRE_SERVERS=1: the HTTP suite would not run on $backend"
        exit 1
      fi
      echo "SKIPPED: $var is not set; run scripts/test-db-servers.sh start and eval \"\$(scripts/test-db-servers.sh env)\""
      exit 77
    fi
    export PATRON_TEST_DATABASE_URL="$url"
    ;;
  *) echo "usage: $0 sqlite|mysql|postgresql" >&2; exit 2 ;;
esac
echo "HTTP suite against $backend"
exec "$node" --test --test-concurrency=1 "$here"
