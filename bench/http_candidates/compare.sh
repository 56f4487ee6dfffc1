#!/usr/bin/env bash
# Compare the HTTP server candidates (restinio vs Boost.Beast) with wrk.
#
#   bench/http_candidates/compare.sh BUILD_DIR [DURATION] [URL_PATH]
#
# BUILD_DIR must already contain bench_http_restinio and bench_http_beast
# (this script builds nothing). DURATION defaults to 10s, URL_PATH to
# /api/v1/ping. Each server is started on a free loopback port and measured
# with `wrk -t1 -c64 -d<DURATION> --latency` twice, alternating A B A B;
# every server this script starts is stopped on exit, success or failure.
# ROUNDS=n repeats the alternation n times (default 2).
# FIRST=beast in the environment swaps the order to B A B A, to check that
# the result does not depend on which server gets the first slot.
set -euo pipefail

usage() { echo "usage: $0 BUILD_DIR [DURATION] [URL_PATH]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 3 ]] || usage
build_dir=$1
duration=${2:-10s}
url_path=${3:-/api/v1/ping}
host=127.0.0.1
rounds=${ROUNDS:-2}
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "error: ROUNDS must be a positive integer" >&2; exit 2; }
clk_tck=$(getconf CLK_TCK)

find_bin() {
  local name=$1 found
  found=$(find "$build_dir" -type f -name "$name" -perm -u+x -print -quit 2>/dev/null || true)
  [[ -n $found ]] || { echo "error: $name not found under $build_dir (build it first)" >&2; exit 1; }
  printf '%s\n' "$found"
}
restinio_bin=$(find_bin bench_http_restinio)
beast_bin=$(find_bin bench_http_beast)
command -v wrk >/dev/null || { echo "error: wrk not installed" >&2; exit 1; }
command -v curl >/dev/null || { echo "error: curl not installed" >&2; exit 1; }

workdir=$(mktemp -d)
server_pid=""
wrk_pid=""

stop_server() {
  [[ -n $server_pid ]] || return 0
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  if [[ -n $wrk_pid ]]; then kill -TERM "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" 2>/dev/null || true; fi
  stop_server
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A random port in 20000-59999 that no TCP socket (listening or connected)
# uses right now, according to `ss`.
free_port() {
  local candidate
  for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 40000))
    if ! ss -Htan "( sport = :$candidate )" | grep -q .; then
      echo "$candidate"; return 0
    fi
  done
  echo "error: no free port found" >&2; exit 1
}

start_server() {  # $1 = binary; sets server_pid and port
  port=$(free_port)
  "$1" "$port" >"$workdir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    if curl -fsS -o /dev/null "http://$host:$port$url_path" 2>/dev/null; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "error: $1 did not come up on port $port" >&2
  cat "$workdir/server.log" >&2
  exit 1
}

# wrk prints latencies as e.g. 512.00us / 1.20ms / 2.00s; normalise to ms.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else { exit 1 } }'
}

# CPU time (user+system) the server process has used so far, in ticks.
server_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }

declare -A rps p50 p99 cpu
run_one() {  # $1 = label, $2 = binary, $3 = round
  local label=$1 bin=$2 round=$3 out
  start_server "$bin"
  # Sanity check: status, content type and body of the endpoint.
  local headers body
  headers=$(curl -fsS -D - -o "$workdir/body" "http://$host:$port$url_path")
  body=$(cat "$workdir/body")
  if ! grep -qi '^content-type: application/json' <<<"$headers" || [[ $body != '{"ok":true,"service":"patron"}' ]]; then
    echo "error: $label answered unexpectedly:" >&2; echo "$headers$body" >&2; exit 1
  fi
  out="$workdir/wrk-$label-$round.txt"
  local load ticks0 ticks1 requests
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  ticks0=$(server_cpu_ticks)
  # In the background + wait, so that INT/TERM traps run immediately.
  wrk -t1 -c64 -d"$duration" --latency "http://$host:$port$url_path" >"$out" &
  wrk_pid=$!
  if ! wait "$wrk_pid"; then
    wrk_pid=""
    echo "error: wrk failed against $label:" >&2; cat "$out" >&2; exit 1
  fi
  wrk_pid=""
  ticks1=$(server_cpu_ticks)
  stop_server
  if grep -qE 'Non-2xx|Socket errors' "$out"; then
    echo "warning: $label round $round reported errors:" >&2
    grep -E 'Non-2xx|Socket errors' "$out" >&2
  fi
  rps[$label,$round]=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50[$label,$round]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99[$label,$round]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  requests=$(awk '/requests in/ {print $1}' "$out")
  [[ -n ${rps[$label,$round]} && -n $requests ]] || { echo "error: could not parse wrk output:" >&2; cat "$out" >&2; exit 1; }
  # Server CPU microseconds per request: less sensitive than req/s to wrk and
  # other processes competing for the same cores.
  cpu[$label,$round]=$(awk -v t=$((ticks1 - ticks0)) -v hz="$clk_tck" -v n="$requests" 'BEGIN { printf "%.2f", t / hz * 1e6 / n }')
  echo "  $label round $round: ${rps[$label,$round]} req/s, p50 ${p50[$label,$round]} ms, p99 ${p99[$label,$round]} ms, server CPU ${cpu[$label,$round]} us/req (loadavg before: $load)" >&2
}

echo "load before: $(uptime)" >&2
echo "wrk -t1 -c64 -d$duration --latency http://$host:<port>$url_path, $rounds rounds, ${FIRST:-restinio} first" >&2
for round in $(seq "$rounds"); do
  if [[ ${FIRST:-restinio} == beast ]]; then
    run_one beast "$beast_bin" "$round"
    run_one restinio "$restinio_bin" "$round"
  else
    run_one restinio "$restinio_bin" "$round"
    run_one beast "$beast_bin" "$round"
  fi
done
echo "load after:  $(uptime)" >&2

mean() { awk '{ s += $1; n++ } END { printf "%.3f", s / n }'; }
avg() {  # $1 = array name, $2 = label
  local -n arr=$1
  for round in $(seq "$rounds"); do echo "${arr[$2,$round]}"; done | mean
}

printf '\n| server         | run   | requests/s | p50 (ms) | p99 (ms) | server CPU (us/req) |\n'
printf '|----------------|-------|-----------:|---------:|---------:|--------------------:|\n'
for label in restinio beast; do
  for round in $(seq "$rounds"); do
    printf '| %-14s | %-5s | %10.0f | %8.3f | %8.3f | %19.2f |\n' "$label" "$round" \
      "${rps[$label,$round]}" "${p50[$label,$round]}" "${p99[$label,$round]}" "${cpu[$label,$round]}"
  done
  printf '| %-14s | mean  | %10.0f | %8.3f | %8.3f | %19.2f |\n' "$label" \
    "$(avg rps "$label")" "$(avg p50 "$label")" "$(avg p99 "$label")" "$(avg cpu "$label")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '| beast/restinio | ratio | %10s | %8s | %8s | %19s |\n' \
  "$(ratio "$(avg rps beast)" "$(avg rps restinio)")" \
  "$(ratio "$(avg p50 beast)" "$(avg p50 restinio)")" \
  "$(ratio "$(avg p99 beast)" "$(avg p99 restinio)")" \
  "$(ratio "$(avg cpu beast)" "$(avg cpu restinio)")"
