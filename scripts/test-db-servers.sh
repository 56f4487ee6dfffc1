#!/usr/bin/env bash
# Private MariaDB and PostgreSQL servers for the test suites, on loopback, with
# their own data directories and ports; no system service is used or left running.
#
#   scripts/test-db-servers.sh start          install (apt, when missing), init and start both
#   scripts/test-db-servers.sh stop           stop both (data directories stay for the next start)
#   scripts/test-db-servers.sh env            print the export lines the suites read
#   scripts/test-db-servers.sh status         say which are up
#   scripts/test-db-servers.sh stop-mysql | start-mysql | restart-mysql
#   scripts/test-db-servers.sh stop-postgres | start-postgres
#
# Settings (environment): PATRON_TEST_DB_DIR (default build/test-db),
# PATRON_TEST_MYSQL_PORT (33306), PATRON_TEST_POSTGRES_PORT (55432).
# The servers run as root (mariadbd --user=root) and as the postgres user
# (PostgreSQL refuses root). Both trade durability for speed (tests only),
# unless PATRON_TEST_DB_DURABLE=1 (benchmarks: every commit flushed to disk).
set -euo pipefail

root_dir="$(cd "$(dirname "$0")/.." && pwd)"
base="${PATRON_TEST_DB_DIR:-$root_dir/build/test-db}"
mysql_port="${PATRON_TEST_MYSQL_PORT:-33306}"
pg_port="${PATRON_TEST_POSTGRES_PORT:-55432}"
db_user=patron
db_password=patron
db_name=patron

my_dir="$base/mariadb"
my_sock="$my_dir/mariadb.sock"
my_pid="$my_dir/mariadb.pid"

durable="${PATRON_TEST_DB_DURABLE:-0}"
if [ "$durable" = 1 ]; then
  my_flush=1 pg_durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
else
  my_flush=2 pg_durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi

pg_bin=""
for v in 17 16 15 14 13; do
  if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then pg_bin="/usr/lib/postgresql/$v/bin"; break; fi
done

log() { echo "test-db-servers: $*" >&2; }

install_packages() {
  local missing=()
  dpkg -s mariadb-server >/dev/null 2>&1 || missing+=(mariadb-server)
  dpkg -s postgresql >/dev/null 2>&1 || missing+=(postgresql)
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # Packages may start their system service; these tests use private instances only.
  stop_system_services
}

stop_system_services() {
  if command -v service >/dev/null 2>&1; then
    service mariadb stop >/dev/null 2>&1 || true
    service postgresql stop >/dev/null 2>&1 || true
  fi
}

# PostgreSQL runs as the postgres user, who must be able to reach its data
# directory; a build tree under a private home is not reachable, so fall back to /tmp.
pg_dir() {
  local want="$base/postgres"
  mkdir -p "$want"
  chown postgres:postgres "$want" 2>/dev/null || true
  if su postgres -s /bin/sh -c "test -w '$want'" 2>/dev/null; then
    echo "$want"
  else
    local alt="/tmp/patron-test-postgres-$(echo "$base" | md5sum | cut -c1-8)"
    mkdir -p "$alt"
    chown postgres:postgres "$alt"
    echo "$alt"
  fi
}

mysql_up() { [ -S "$my_sock" ] && mariadb-admin --no-defaults --socket="$my_sock" -uroot ping >/dev/null 2>&1; }

start_mysql() {
  if ! mysql_up; then launch_mysql; fi
  # The suites create (and drop) a database per test file, and users for the
  # seed-variables test: all privileges, with GRANT OPTION.
  mariadb --no-defaults --socket="$my_sock" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`$db_name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '$db_user'@'%' IDENTIFIED BY '$db_password';
GRANT ALL PRIVILEGES ON *.* TO '$db_user'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
}

launch_mysql() {
  mkdir -p "$my_dir"
  if [ ! -d "$my_dir/data/mysql" ]; then
    log "initializing MariaDB in $my_dir/data"
    mariadb-install-db --no-defaults --user=root --datadir="$my_dir/data" --auth-root-authentication-method=socket \
      --skip-test-db >"$my_dir/install.log" 2>&1 || { cat "$my_dir/install.log" >&2; return 1; }
  fi
  log "starting MariaDB on 127.0.0.1:$mysql_port"
  # setsid: the server outlives this script's process group (make's recipe shell).
  setsid mariadbd --no-defaults --user=root --datadir="$my_dir/data" --socket="$my_sock" --port="$mysql_port" \
    --bind-address=127.0.0.1 --pid-file="$my_pid" --log-error="$my_dir/error.log" --skip-log-bin \
    --skip-name-resolve --innodb-buffer-pool-size=128M --innodb-log-file-size=64M \
    --innodb-flush-log-at-trx-commit="$my_flush" --max-connections=500 </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 240); do  # up to 60 s on a loaded machine
    mysql_up && break
    sleep 0.25
  done
  mysql_up || { log "MariaDB did not start"; tail -20 "$my_dir/error.log" >&2; return 1; }
}

stop_mysql() {
  if [ -f "$my_pid" ]; then
    local pid
    pid="$(cat "$my_pid")"
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping MariaDB (pid $pid)"
      kill "$pid"
      for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$my_pid"
  fi
}

pg_as() { su postgres -s /bin/sh -c "$*"; }

pg_up() {
  [ -n "$pg_bin" ] && "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" >/dev/null 2>&1
}

start_postgres() {
  [ -n "$pg_bin" ] || { log "PostgreSQL binaries not found under /usr/lib/postgresql"; return 1; }
  if pg_up; then return 0; fi
  local dir
  dir="$(pg_dir)"
  echo "$dir" >"$base/postgres.dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "initializing PostgreSQL in $dir/data"
    printf '%s\n' "$db_password" >"$dir/pwfile"
    chown postgres:postgres "$dir/pwfile"
    pg_as "'$pg_bin/initdb' -D '$dir/data' -U postgres --locale=C --encoding=UTF8 --auth-local=trust \
      --auth-host=scram-sha-256 --pwfile='$dir/pwfile'" >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; return 1; }
  fi
  log "starting PostgreSQL on 127.0.0.1:$pg_port"
  pg_as "setsid '$pg_bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 -o \
    \"-p $pg_port -c listen_addresses=127.0.0.1 -k '$dir' $pg_durability \
    -c max_connections=300 -c shared_buffers=64MB\" start" >/dev/null ||
    { tail -20 "$dir/server.log" >&2; return 1; }
  pg_as "'$pg_bin/psql' -h '$dir' -p $pg_port -U postgres -d postgres -v ON_ERROR_STOP=1 -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db_user') THEN
    CREATE ROLE $db_user LOGIN CREATEDB PASSWORD '$db_password';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $db_name OWNER $db_user' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db_name')\gexec
SQL
}

stop_postgres() {
  [ -n "$pg_bin" ] || return 0
  [ -f "$base/postgres.dir" ] || return 0
  local dir
  dir="$(cat "$base/postgres.dir")"
  if [ -f "$dir/data/postmaster.pid" ]; then
    log "stopping PostgreSQL"
    pg_as "'$pg_bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
  fi
}

print_env() {
  echo "export PATRON_TEST_MYSQL_URL=mysql://$db_user:$db_password@127.0.0.1:$mysql_port/$db_name"
  echo "export PATRON_TEST_POSTGRES_URL=postgresql://$db_user:$db_password@127.0.0.1:$pg_port/$db_name"
  echo "export PATRON_TEST_DB_SERVERS=$root_dir/scripts/test-db-servers.sh"
}

case "${1:-}" in
  start)
    install_packages
    mkdir -p "$base"
    start_mysql
    start_postgres
    ;;
  stop)
    stop_mysql
    stop_postgres
    ;;
  env) print_env ;;
  status)
    mysql_up && echo "mariadb: up on $mysql_port" || echo "mariadb: down"
    pg_up && echo "postgresql: up on $pg_port" || echo "postgresql: down"
    ;;
  start-mysql) start_mysql ;;
  stop-mysql) stop_mysql ;;
  restart-mysql) stop_mysql && start_mysql ;;
  start-postgres) start_postgres ;;
  stop-postgres) stop_postgres ;;
  *)
    echo "usage: $0 start|stop|env|status|start-mysql|stop-mysql|restart-mysql|start-postgres|stop-postgres" >&2
    exit 2
    ;;
esac
