#!/usr/bin/env bash
# No source file over 400 lines (issue 15): a file that long holds more than
# one purpose. Every file is within it now; the list below is for an
# exception someone must argue for (file and length). A listed file that grew
# fails, and so does one that is within the limit again (take it off).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
max_lines=400
allowed="$(cat <<'LIST'
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
