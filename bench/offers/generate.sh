#!/usr/bin/env bash
# Issue 13's speed target: generating one campaign's offers for CUSTOMERS
# customers, after `patron analyze all`, from SQLite, in under 60 s and 4 GiB.
# A synthetic history goes into a fresh store, the analysis runs, a live
# campaign with an empty audience (everyone) is created through the API, and
# `patron offers generate --campaign` is timed as a whole command.
#   bench/offers/generate.sh [CUSTOMERS] [TRANSACTIONS] [DIR]
# Defaults: 1,000,000 customers, 1,500,000 purchases, /tmp/patron-offers-bench.
set -euo pipefail
customers=${1:-1000000}
transactions=${2:-1500000}
dir=${3:-/tmp/patron-offers-bench}
root=$(cd "$(dirname "$0")/../.." && pwd)
patron=${PATRON_BIN:-$root/build/release/src/app/patron}
port=${PORT:-3991}
export DATABASE_URL="sqlite://$dir/patron.db" DOCUMENT_STORE="rocksdb://$dir/documents" PORT="$port"
export JWT_SECRET=${JWT_SECRET:-offers-bench-secret-not-for-serving-0000} PATRON_WEB_ROOT=""

rm -rf "$dir"
mkdir -p "$dir"
echo "== gen-data --customers $customers --transactions $transactions"
/usr/bin/time -f "gen-data: %e s wall, %M KB peak RSS" "$patron" gen-data --customers "$customers" \
  --transactions "$transactions" --seed 42 >/dev/null
echo "== analyze all"
/usr/bin/time -f "analyze all: %e s wall, %M KB peak RSS" "$patron" analyze all >/dev/null
"$patron" admin create --email bench@patron.local --password bench-password-1 --role admin >/dev/null

"$patron" serve >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
api() { curl -sf -X "$1" "http://127.0.0.1:$port$2" -H 'content-type: application/json' ${token:+-H "authorization: Bearer $token"} ${3:+-d "$3"}; }
token=$(api POST /api/v1/auth/login '{"email":"bench@patron.local","password":"bench-password-1"}' |
  node -e 'process.stdin.on("data", d => console.log(JSON.parse(d).access_token))')
starts=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)
ends=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
campaign=$(api POST /api/v1/admin/campaigns "{\"name\":\"Bench\",\"goal\":\"grow_basket\",\"starts_at\":\"$starts\",\"ends_at\":\"$ends\",\"offer\":{\"kind\":\"bonus_multiplier\",\"multiplier\":2}}" |
  node -e 'process.stdin.on("data", d => console.log(JSON.parse(d).id))')
api PATCH "/api/v1/admin/campaigns/$campaign" '{"status":"live"}' >/dev/null
kill $server; wait $server 2>/dev/null || true; trap - EXIT

echo "== offers generate --campaign $campaign ($customers customers)"
/usr/bin/time -f "offers generate: %e s wall, %M KB peak RSS" "$patron" offers generate --campaign "$campaign"
