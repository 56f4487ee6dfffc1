#!/usr/bin/env bash
# The layering check must fail where it says it does: on a copy of src/, each
# probe in layers_probes.tsv adds one forbidden dependency, and check_layers.sh
# has to refuse it with its own message; the untouched copy has to pass.
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

# The table is read on its own descriptor, so that nothing a probe runs can
# read its lines.
probes=0
while IFS=$'\t' read -r -u 3 file line expected; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  probe "$file" "$line" "$expected"
  probes=$((probes + 1))
done 3< "$here/layers_probes.tsv"
if [ "$probes" = 0 ]; then
  echo "probes: layers_probes.tsv holds no probe"; failed=1
fi

[ "$failed" = 0 ] && echo "probes: every forbidden dependency was refused ($probes probes)"
exit "$failed"
