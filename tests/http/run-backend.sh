#!/usr/bin/env bash
# Runs the whole HTTP suite against one SQL backend: sqlite, mysql or postgresql.
# The server backends come from PATRON_TEST_MYSQL_URL / PATRON_TEST_POSTGRES_URL
# (scripts/test-db-servers.sh env); without one, the run is skipped (exit 77),
# or fails when PATRON_TEST_REQUIRE_SERVERS=1 (make test, which starts them).
set -euo pipefail
backend="$1"
here="$(cd "$(dirname "$0")" && pwd)"
node="${NODE_EXECUTABLE:-node}"
source "$here/../support/server_url.sh"
case "$backend" in
  sqlite) unset PATRON_TEST_DATABASE_URL ;;
  mysql | postgresql)
    server_url_or_skip "$backend" "the HTTP suite on $backend"
    export PATRON_TEST_DATABASE_URL="$server_url"
    ;;
  *) echo "usage: $0 sqlite|mysql|postgresql" >&2; exit 2 ;;
esac
echo "HTTP suite against $backend"
exec "$node" --test --test-concurrency=1 "$here"
