#!/usr/bin/env bash
# The layering check must fail where it says it does: on a copy of src/, each
# probe below adds one forbidden dependency, and check_layers.sh has to refuse
# it with its own message; the untouched copy has to pass.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
cp -r "$here/../../src/." "$copy/"
export PATRON_LAYERS_SRC="$copy"
failed=0

if ! out="$(bash "$here/check_layers.sh" 2>&1)"; then
  echo "probes: the untouched copy fails the check:"; echo "$out"; exit 1
fi

# probe FILE LINE EXPECTED: FILE (under src/) holding LINE must fail with EXPECTED in the report.
probe() {
  local file="$copy/$1" line="$2" expected="$3"
  printf '%s\n' "$line" > "$file"
  local out
  if out="$(bash "$here/check_layers.sh" 2>&1)"; then
    echo "probes: $1 with '$line' passed the check"; failed=1
  elif ! grep -qF "$expected" <<<"$out"; then
    echo "probes: $1 failed for another reason than '$expected':"; echo "$out"; failed=1
  fi
  rm -f "$file"
}

probe http/zz_probe.cpp '#include "storage/sql/read_pool.h"' "src/http must reach storage through src/services"
probe http/zz_probe.cpp '#include <soci/soci.h>' "src/http must reach storage through src/services"
probe http/zz_probe.h 'void probe(sql::UsersStore& users);' "src/http must not name the SQL side's types"
probe http/zz_probe.h 'void probe(soci::session& s);' "src/http must not name the SQL side's types"
probe services/zz_probe.cpp '#include "storage/sql/users_repository.h"' "src/services must use the SQL port"
probe services/zz_probe.h '#include <soci/soci.h>' "src/services headers take a services::Session"
probe services/zz_probe.h '#include "storage/sql/read_pool.h"' "a services header must include only the SQL port's headers"
probe services/zz_probe.cpp '#include "http/api.h"' "src/services must not include the layers that call it"
probe app/zz_probe.cpp '#include "storage/sql/ledger_repository.h"' "src/app wires the SQL port"
probe domain/zz_probe.h '#include "storage/sql/stores.h"' "src/domain must not include outer layers"
probe offers/zz_probe.h '#include <soci/soci.h>' "src/offers is pure computation"
probe http/zz_probe.cpp 'const char* q = "SELECT id FROM users";' "src/http must not hold SQL"

[ "$failed" = 0 ] && echo "probes: every forbidden dependency was refused"
exit "$failed"
