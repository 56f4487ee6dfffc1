#!/usr/bin/env bash
# Issue 6 end to end: a synthetic history of CUSTOMERS customers and
# TRANSACTIONS purchases generated into a fresh SQLite store, then
# `patron analyze all` from the store, which prints each stage's time and the
# process's memory. Usage:
#   bench/analytics/store_end_to_end.sh [CUSTOMERS] [TRANSACTIONS] [DIR]
# Defaults: 1,000,000 customers, 20,000,000 purchases, /tmp/patron-store-bench.
# The generated database takes about 4.5 GB per 10 M purchases.
set -euo pipefail
customers=${1:-1000000}
transactions=${2:-20000000}
dir=${3:-/tmp/patron-store-bench}
root=$(cd "$(dirname "$0")/../.." && pwd)
patron=${PATRON_BIN:-$root/build/release/src/app/patron}
export DATABASE_URL="sqlite://$dir/patron.db"
export JWT_SECRET=${JWT_SECRET:-store-bench-secret-not-for-serving-000000}

rm -rf "$dir"
mkdir -p "$dir"
echo "== gen-data --customers $customers --transactions $transactions"
/usr/bin/time -f "gen-data: %e s wall, %M KB peak RSS" "$patron" gen-data --customers "$customers" \
  --transactions "$transactions" --seed 42
ls -l "$dir/patron.db"
echo "== analyze all (first run: nothing to prune)"
/usr/bin/time -f "analyze all: %e s wall, %M KB peak RSS" "$patron" analyze all
echo "== analyze all (second run, warm page cache)"
/usr/bin/time -f "analyze all: %e s wall, %M KB peak RSS" "$patron" analyze all
