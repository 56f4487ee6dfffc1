#!/usr/bin/env bash
# No source file over 400 lines (issue 15): a file that long holds more than
# one purpose. The ones still over are listed with their length today; the
# list only shrinks: a new file over the limit fails, so does a listed file
# that grew, and so does a listed one that is now within it (take it off).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
max_lines=400
allowed="$(cat <<'LIST'
tests/http/hardening.test.mjs 438
tests/http/shop.test.mjs 407
web/src/features/analytics/testing/fixtures.ts 458
LIST
)"
failed=0
declare -A ceiling
while read -r file lines; do [ -n "$file" ] && ceiling[$file]=$lines; done <<<"$allowed"
cd "$root"
# One wc over every file (a wc per file takes seconds on a loaded machine).
while read -r lines file; do
  [ "$file" = total ] && continue
  listed=${ceiling[$file]:-}
  if [ -z "$listed" ] && [ "$lines" -gt "$max_lines" ]; then
    echo "sizes: $file has $lines lines (at most $max_lines): split it by purpose"; failed=1
  elif [ -n "$listed" ] && [ "$lines" -gt "$listed" ]; then
    echo "sizes: $file grew to $lines lines (listed at $listed, limit $max_lines): split it, do not grow it"; failed=1
  elif [ -n "$listed" ] && [ "$lines" -le "$max_lines" ]; then
    echo "sizes: $file is within $max_lines lines now: take it off the list in $0"; failed=1
  fi
done < <(find src tests web/src bench -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.ts' -o -name '*.tsx' \
  -o -name '*.mjs' -o -name '*.py' -o -name '*.sh' \) -not -name 'schema.d.ts' -not -path '*/node_modules/*' -print0 |
  sort -z | xargs -0 wc -l)
for file in "${!ceiling[@]}"; do
  [ -f "$file" ] || { echo "sizes: $file is gone: take it off the list in $0"; failed=1; }
done
[ "$failed" = 0 ] && echo "sizes: ok"
exit "$failed"
