#!/usr/bin/env bash
# Purchases under a sign-up flood (issue 12, item 7): POS purchase latency on a
# fresh server, first alone, then while CLIENTS sign-up loops hammer
# POST /api/v1/auth/register from ever-changing addresses (bench/load/signup_flood.mjs),
# in one run on the same machine. Prints both p99s and their ratio (target ≤ 2×);
# ROUNDS alternations of the two, so that a burst of other work on the machine
# shows as one odd round instead of a wrong figure, and the median ratio.
# Argon2id costs ~20 ms of CPU a sign-up; it runs on the server's password pool
# (SCHED_IDLE, half the cores), so purchases should keep the CPU.
# Usage: bench/load/signup_flood.sh [BUILD_DIR]   (env: DURATION=10s CONNECTIONS=8 THREADS=1
#        CLIENTS=6 CUSTOMERS=16 ROUNDS=3)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$root/build/release}" && pwd)"
patron="$build/src/app/patron"
duration="${DURATION:-10s}"
rounds="${ROUNDS:-3}"
connections="${CONNECTIONS:-8}"
threads="${THREADS:-1}"
clients="${CLIENTS:-6}"
customers="${CUSTOMERS:-16}"  # registered from one address: stays under the sign-up throttle's burst of 20
for tool in wrk curl python3 node; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/install-deps.sh bench" >&2; exit 2; }
done
[ -x "$patron" ] || { echo "build first: cmake --build $build" >&2; exit 2; }

work="$(mktemp -d "$build/bench-signup.XXXXXX")"
server_pid="" flood_pid=""
cleanup() {
  [ -n "$flood_pid" ] && kill "$flood_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

port="$(free_port)"
base="http://127.0.0.1:$port"
export PORT="$port" BIND_ADDRESS=127.0.0.1 PATRON_WEB_ROOT="" JWT_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export DATABASE_URL="sqlite://$work/patron.db" DOCUMENT_STORE="rocksdb://$work/documents"
echo "== setup: fresh server on $base (SQLite)"
(cd "$work" && "$patron" admin create --email bench@patron.local --password bench-password --role admin >/dev/null)
(cd "$work" && exec "$patron" serve >"$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done

call() {  # METHOD PATH TOKEN [BODY]
  curl -fsS -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+--data "$4"}
}
admin_token="$(curl -fsS "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  --data '{"email":"bench@patron.local","password":"bench-password"}' | json_field "['access_token']")"
store_id="$(call POST /api/v1/admin/stores "$admin_token" '{"code":"BENCH","name":"Bench store"}' | json_field "['id']")"
call POST /api/v1/admin/products "$admin_token" \
  '{"sku":"BENCH-1","name":"Coffee","category":"coffee","brand":"Bean","price_minor":450,"currency":"USD"}' >/dev/null
call POST /api/v1/admin/tiers "$admin_token" '{"code":"bronze","name":"Bronze","threshold_minor":0,"multiplier_permille":1000}' >/dev/null
call POST /api/v1/admin/earning-rules "$admin_token" '{"name":"Base","kind":"base_rate","rate_milli":1000}' >/dev/null
api_key="$(cd "$work" && "$patron" apikey create --store BENCH | tail -1 | awk '{print $NF}')"
for i in $(seq "$customers"); do
  curl -fsS "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
    --data "{\"email\":\"bench$i@example.test\",\"password\":\"bench-password-$i\",\"name\":\"Bench $i\"}" |
    json_field "['customer']['id']" >>"$work/customers"
done
echo "   $(wc -l <"$work/customers") customers, store $store_id"

export PATRON_BENCH_DIR="$root/bench/load" PATRON_API_KEY="$api_key" PATRON_STORE_ID="$store_id" PATRON_SKU=BENCH-1
export PATRON_CUSTOMERS="$work/customers"
purchases() {
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/bench/load/purchase.lua" "$base" | tail -1
}

: >"$work/rounds"
for round in $(seq "$rounds"); do
  echo "== round $round: purchases alone: wrk -t$threads -c$connections -d$duration -s bench/load/purchase.lua"
  quiet_json="$(purchases)"
  echo "   $quiet_json"
  echo "== round $round: purchases during a sign-up flood of $clients clients (node bench/load/signup_flood.mjs)"
  node "$root/bench/load/signup_flood.mjs" "$base" "$clients" >"$work/flood.json" &
  flood_pid=$!
  sleep 2  # let the flood reach its pace before measuring
  loaded_json="$(purchases)"
  echo "   $loaded_json"
  kill -TERM "$flood_pid"; wait "$flood_pid" 2>/dev/null || true; flood_pid=""
  flood_json="$(cat "$work/flood.json")"
  echo "   flood: $flood_json"
  echo "$quiet_json|$loaded_json|$flood_json" >>"$work/rounds"
done

python3 - "$work/rounds" <<'PY'
import json, statistics, sys
rounds = [[json.loads(part) for part in line.strip().split("|")] for line in open(sys.argv[1]) if line.strip()]
print()
print("| round | purchases/s alone | p99 ms alone | purchases/s in the flood | p99 ms in the flood | sign-ups/s (answers) | p99 ratio |")
print("|---:|---:|---:|---:|---:|---|---:|")
ratios = []
for i, (quiet, loaded, flood) in enumerate(rounds, 1):
    ratio = loaded["p99_ms"] / quiet["p99_ms"]
    ratios.append(ratio)
    errors = quiet["non_2xx"] + quiet["socket_errors"] + loaded["non_2xx"] + loaded["socket_errors"]
    print(f"| {i} | {quiet['requests_per_second']:,.0f} | {quiet['p99_ms']:.2f} | {loaded['requests_per_second']:,.0f} "
          f"| {loaded['p99_ms']:.2f} | {flood['signups_per_second']} ({flood['answers']}) | {ratio:.2f}x |"
          + (f" ({errors} purchase errors)" if errors else ""))
print()
print(f"purchase p99 under a sign-up flood of {rounds[0][2]['clients']} clients / alone: median {statistics.median(ratios):.2f}x "
      f"over {len(ratios)} rounds (target <= 2x)")
PY
