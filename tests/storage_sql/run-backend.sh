#!/usr/bin/env bash
# Runs the conformance binary's cases for one backend: sqlite (every case not
# parameterized on a server), mysql or postgresql (the cases named .../mysql,
# .../postgresql by backend_test_name). A server whose URL is not set, or any
# case that skipped, makes the run a skip (exit 77, shown by ctest as Skipped),
# except with PATRON_TEST_REQUIRE_SERVERS=1 (make test, which starts the
# servers): then it is a failure, so that nothing passes without running.
set -uo pipefail
backend="$1"
binary="$2"
require="${PATRON_TEST_REQUIRE_SERVERS:-0}"
source "$(dirname "$0")/../support/server_url.sh"
case "$backend" in
  sqlite) filter='-*/mysql:*/postgresql' ;;
  mysql | postgresql)
    filter="*/$backend"
    server_url_or_skip "$backend" "the $backend cases"
    ;;
  *) echo "usage: $0 sqlite|mysql|postgresql BINARY" >&2; exit 2 ;;
esac
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$binary" --gtest_filter="$filter" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
[ "$rc" -eq 0 ] || exit "$rc"
if grep -q '^\[  SKIPPED \]' "$log"; then
  if [ "$require" = 1 ]; then
    echo "FAILED: cases were skipped on $backend while PATRON_TEST_REQUIRE_SERVERS=1 (see SKIPPED above)"
    exit 1
  fi
  echo "SKIPPED: some $backend cases did not run (see SKIPPED above)"
  exit 77
fi
if ! grep -Eq '^\[  PASSED  \] [1-9][0-9]* test' "$log"; then
  echo "FAILED: the filter $filter selected no test that passed"
  exit 1
fi
