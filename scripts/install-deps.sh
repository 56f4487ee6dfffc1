#!/usr/bin/env bash
# Installs the Debian packages Patron needs to build, run and test, and only
# those that are missing (dpkg -s), so a second run costs about a second.
# Usage: scripts/install-deps.sh [build|test|bench]
set -euo pipefail

profile="${1:-build}"

build_packages=(
  build-essential cmake ninja-build pkg-config
  libsoci-dev libsqlite3-dev libmariadb-dev libpq-dev
  librestinio-dev libasio-dev libhttp-parser-dev libfmt-dev
  nlohmann-json3-dev libjwt-dev libsodium-dev libspdlog-dev libcli11-dev
  librocksdb-dev libmongoc-dev libeigen3-dev liblbfgspp-dev libgsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libcurl4-openssl-dev libboost-dev libgoogle-perftools-dev
  nodejs npm sqlite3 curl
)
# The SQL servers the suites run against (private instances started by
# scripts/test-db-servers.sh; their system services are not used), and the
# local SMTP server the password reset tests start (tests/http/smtp_sink.py).
test_packages=(wrk chromium mariadb-server postgresql python3-aiosmtpd)
# bench/load/run.sh: the load generator and the nginx yardstick.
bench_packages=(wrk nginx-light)

packages=("${build_packages[@]}")
if [ "$profile" = "test" ]; then packages+=("${test_packages[@]}"); fi
if [ "$profile" = "bench" ]; then packages+=("${bench_packages[@]}"); fi

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

# Node and npm may come from outside Debian's packages on some machines; accept
# working binaries instead of insisting on the Debian ones.
filtered=()
for p in "${missing[@]}"; do
  case "$p" in
    nodejs) command -v node >/dev/null 2>&1 || filtered+=("$p") ;;
    npm) command -v npm >/dev/null 2>&1 || filtered+=("$p") ;;
    *) filtered+=("$p") ;;
  esac
done
missing=("${filtered[@]+"${filtered[@]}"}")

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

# A freshly installed database server may start its system service; the tests
# start private instances instead, so leave none running.
for p in "${missing[@]}"; do
  case "$p" in
    mariadb-server) $SUDO service mariadb stop >/dev/null 2>&1 || true ;;
    postgresql) $SUDO service postgresql stop >/dev/null 2>&1 || true ;;
  esac
done
