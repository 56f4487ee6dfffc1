#!/usr/bin/env bash
# The core HTTP load benchmark (issues 3 and 5): durable POS purchases/s and
# GET /api/v1/me reads/s against a fresh server at 64 connections, each printed
# next to its yardstick measured in the same run on the same machine:
#   purchases  vs  SQLite's durable single-row commit rate (WAL, synchronous=FULL)
#   /me reads  vs  nginx (nginx-light, one worker) answering a fixed small JSON
#   behaviour events ingested over HTTP in batches of 100 vs the 30,000/s target
# Usage: bench/load/run.sh [BUILD_DIR]   (env: DURATION=10s CONNECTIONS=64 THREADS=2
#        CUSTOMERS=64 DATABASE_URL to bench a server database instead of SQLite,
#        PROFILE_DIR to record perf profiles of the server)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$root/build/release}" && pwd)"
patron="$build/src/app/patron"
commit_rate="$build/bench/load/sqlite_commit_rate"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
customers="${CUSTOMERS:-64}"
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/install-deps.sh bench" >&2; exit 2; }
done
[ -x "$patron" ] && [ -x "$commit_rate" ] || { echo "build first: cmake --build $build" >&2; exit 2; }

work="$(mktemp -d "$build/bench-load.XXXXXX")"
server_pid="" nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

port="$(free_port)"
base="http://127.0.0.1:$port"
export PORT="$port" BIND_ADDRESS=127.0.0.1 PATRON_WEB_ROOT="" JWT_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export DATABASE_URL="${DATABASE_URL:-sqlite://$work/patron.db}" DOCUMENT_STORE="rocksdb://$work/documents"
echo "== setup: fresh server on $base ($DATABASE_URL)"
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
for tier in '"bronze","name":"Bronze","threshold_minor":0' '"silver","name":"Silver","threshold_minor":50000' \
            '"gold","name":"Gold","threshold_minor":150000'; do
  call POST /api/v1/admin/tiers "$admin_token" "{\"code\":$tier,\"multiplier_permille\":1000}" >/dev/null
done
call POST /api/v1/admin/earning-rules "$admin_token" '{"name":"Base","kind":"base_rate","rate_milli":1000}' >/dev/null
api_key="$(cd "$work" && "$patron" apikey create --store BENCH | tail -1 | awk '{print $NF}')"

: >"$work/customers" ; : >"$work/tokens"
# Each registration writes its own file: parallel writers to one pipe could
# interleave their lines (it happened: 2 of 64 customers came out garbled).
# Each comes from its own loopback address (127.0.x.y): sign-ups are throttled
# per client, and the benchmark is not a flood.
register() {
  curl -fsS --interface "127.0.$(($1 / 250 % 250 + 1)).$(($1 % 250 + 1))" "$base/api/v1/auth/register" \
    -H 'Content-Type: application/json' \
    --data "{\"email\":\"bench$1@example.test\",\"password\":\"bench-password-$1\",\"name\":\"Bench $1\"}" |
    python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["customer"]["id"], r["access_token"])' >"$work/pair.$1"
}
export -f register; export base work
seq "$customers" | xargs -P 4 -I{} bash -c 'register {}'
cat "$work"/pair.* >"$work/pairs"
[ "$(wc -l <"$work/pairs")" -eq "$customers" ] || { echo "registering the benchmark customers failed" >&2; exit 1; }
cut -d' ' -f1 "$work/pairs" >"$work/customers"
cut -d' ' -f2 "$work/pairs" >"$work/tokens"
echo "   $(wc -l <"$work/customers") customers, store $store_id, API key ${api_key:0:8}…"

export PATRON_BENCH_DIR="$root/bench/load" PATRON_API_KEY="$api_key" PATRON_STORE_ID="$store_id" PATRON_SKU=BENCH-1
export PATRON_CUSTOMERS="$work/customers" PATRON_TOKENS="$work/tokens"
# PROFILE_DIR=DIR records the server with perf during each phase (DIR/NAME.perf).
profile() { mkdir -p "$PROFILE_DIR"; perf record -F 499 --call-graph dwarf,16384 -p "$server_pid" -o "$PROFILE_DIR/$1.perf" -- sleep 3 >/dev/null 2>&1 & }
run_wrk() {  # SCRIPT URL
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/bench/load/$1" "$2" | tail -1
}

echo "== yardstick: SQLite durable single-row commits (WAL, synchronous=FULL) on this disk"
sqlite_json="$("$commit_rate" "$work/commit-rate.db" 5)"
echo "   $sqlite_json"
[ -n "${PROFILE_DIR:-}" ] && profile purchases
echo "== POST /api/v1/pos/purchases: wrk -t$threads -c$connections -d$duration -s bench/load/purchase.lua"
purchases_json="$(run_wrk purchase.lua "$base")"
echo "   $purchases_json"
balance_check="$(call GET "/api/v1/admin/customers/$(head -1 "$work/customers")" "$admin_token" | json_field "['account']['points_balance']")"
echo "   first customer's balance after the run: $balance_check points"

[ -n "${PROFILE_DIR:-}" ] && profile me
echo "== GET /api/v1/me: wrk -t$threads -c$connections -d$duration -s bench/load/me.lua"
me_json="$(run_wrk me.lua "$base")"
echo "   $me_json"

event_batch="${EVENT_BATCH:-100}"
[ -n "${PROFILE_DIR:-}" ] && profile events
echo "== POST /api/v1/me/events, $event_batch events a call: wrk -t$threads -c$connections -d$duration -s bench/load/events.lua"
events_json="$(PATRON_EVENT_BATCH="$event_batch" run_wrk events.lua "$base")"
echo "   $events_json"

kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
# What the server answered besides 2xx (from its access log), so errors above are explained.
if python3 - "$work/server.log" <<'PY'
import collections, json, sys
counts = collections.Counter()
for line in open(sys.argv[1], errors="replace"):
    start = line.find('{"method"')
    if start < 0: continue
    try: entry = json.loads(line[start:].rstrip().rstrip("\x1b[0m"))
    except ValueError: continue
    if entry.get("status", 200) >= 300: counts[(entry["route"], entry["status"])] += 1
print("   non-2xx answers in the server log:", dict(counts) if counts else "none")
sys.exit(1 if counts else 0)
PY
then :; else
  mkdir -p "$build/bench-load-logs" && cp "$work/server.log" "$build/bench-load-logs/server-$(date +%s).log"
  echo "   (server log kept in $build/bench-load-logs)"
fi
nginx_port="$(free_port)"
sed -e "s|@PORT@|$nginx_port|" -e "s|@WORK@|$work|" "$root/bench/load/nginx.conf.in" >"$work/nginx.conf"
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$nginx_port/" >/dev/null && break; sleep 0.1; done
echo "== yardstick: nginx-light, 1 worker, fixed JSON: wrk -t$threads -c$connections -d$duration"
nginx_json="$(run_wrk fixed.lua "http://127.0.0.1:$nginx_port/")"
echo "   $nginx_json"

python3 - "$sqlite_json" "$purchases_json" "$me_json" "$nginx_json" "$DATABASE_URL" "$events_json" "$event_batch" <<'PY'
import json, sys
sqlite, purchases, me, nginx = (json.loads(a) for a in sys.argv[1:5])
backend = sys.argv[5].split(":", 1)[0]
events, batch = json.loads(sys.argv[6]), int(sys.argv[7])
p_ratio = purchases["requests_per_second"] / sqlite["commits_per_second"]
m_ratio = me["requests_per_second"] / nginx["requests_per_second"]
print()
print(f"| figure ({backend}) | per second | p50 ms | p99 ms | non-2xx / socket errors | yardstick | ratio | target |")
print("|---|---:|---:|---:|---:|---|---:|---|")
print(f"| POST /pos/purchases | {purchases['requests_per_second']:,.0f} | {purchases['p50_ms']:.2f} | {purchases['p99_ms']:.2f} "
      f"| {purchases['non_2xx']} / {purchases['socket_errors']} | SQLite durable commits {sqlite['commits_per_second']:,.0f}/s | {p_ratio:.2f}× | ≥ 2× |")
print(f"| GET /me | {me['requests_per_second']:,.0f} | {me['p50_ms']:.2f} | {me['p99_ms']:.2f} "
      f"| {me['non_2xx']} / {me['socket_errors']} | nginx 1 worker {nginx['requests_per_second']:,.0f}/s | {m_ratio:.2f}× | ≥ 0.25×, p99 < 20 ms |")
e_rate = events["requests_per_second"] * batch
print(f"| POST /me/events ({batch} a call) | {e_rate:,.0f} events | {events['p50_ms']:.2f} | {events['p99_ms']:.2f} "
      f"| {events['non_2xx']} / {events['socket_errors']} | target 30,000 events/s | {e_rate / 30000:.2f}× | ≥ 1× |")
PY
