# Sourced by tests/http/run-backend.sh and tests/storage_sql/run-backend.sh.
#
# server_url_or_skip BACKEND WHAT: sets server_url to the test server's URL for
# BACKEND (mysql or postgresql), from PATRON_TEST_MYSQL_URL or
# PATRON_TEST_POSTGRES_URL (scripts/test-db-servers.sh env). Without one it ends
# the script: a skip (exit 77, shown by ctest as Skipped), or a failure with
# PATRON_TEST_REQUIRE_SERVERS=1 (make test, which starts the servers), so that
# WHAT, which would not run, does not pass either.
server_url_or_skip() {
  local backend="$1" what="$2" var=PATRON_TEST_MYSQL_URL
  if [ "$backend" = postgresql ]; then var=PATRON_TEST_POSTGRES_URL; fi
  server_url="${!var:-}"
  if [ -n "$server_url" ]; then return 0; fi
  if [ "${PATRON_TEST_REQUIRE_SERVERS:-0}" = 1 ]; then
    echo "FAILED: $var is not set but PATRON_TEST_REQUIRE_SERVERS=1: $what would not run"
    exit 1
  fi
  echo "SKIPPED: $var is not set; run scripts/test-db-servers.sh start and eval \"\$(scripts/test-db-servers.sh env)\""
  exit 77
}
